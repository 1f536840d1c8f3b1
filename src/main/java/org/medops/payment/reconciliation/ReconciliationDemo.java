package org.medops.payment.reconciliation;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.medops.payment.MerchantView;
import org.medops.payment.Merchants;
import org.medops.payment.PaymentChannel;
import org.medops.shared.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's reconciliation: for the first WeChat Pay merchant, the day before yesterday reconciled clean and
 * closed, and yesterday with a mismatch of each category the bill and the HIS can show (短款, 长款, an amount, a refund,
 * partial refunds summing wrong, a revoked order the HIS booked) left for finance to handle. Days are relative to
 * today, so the demo is the same on any date.
 */
@Component
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
class ReconciliationDemo implements DemoData {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationDemo.class);
    private static final DateTimeFormatter TIMES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Reconciler reconciler;
    private final MismatchDesk desk;
    private final Runs runs;
    private final Merchants merchants;
    private final ReconciliationSettings settings;
    private final Clock clock;

    ReconciliationDemo(Reconciler reconciler, MismatchDesk desk, Runs runs, Merchants merchants,
                       ReconciliationSettings settings, Clock clock) {
        this.reconciler = reconciler;
        this.desk = desk;
        this.runs = runs;
        this.merchants = merchants;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "reconciliation days";
    }

    @Override
    public void seed() {
        Optional<MerchantView> merchant = merchants.all().stream()
                .filter(m -> m.channel() == PaymentChannel.WECHAT).findFirst();
        if (merchant.isEmpty()) {
            log.info("Demo reconciliation skipped: no WeChat Pay merchant registered");
            return;
        }
        String code = merchant.get().code();
        LocalDate yesterday = LocalDate.now(clock.withZone(settings.zone())).minusDays(1);
        LocalDate before = yesterday.minusDays(1);
        if (runs.latest(code, before).isEmpty()) {
            Day clean = new Day(before);
            for (int i = 1; i <= 40; i++) {
                clean.both("MZ" + before.toString().replace("-", "") + String.format("%04d", i),
                        String.format("%d.%02d", 20 + i * 7, i % 100), 8 + i / 4, i % 60);
            }
            long id = reconciler.run(code, before, clean.bill(), "UPLOAD", clean.his(), "finance");
            desk.close(id, "finance");
        }
        if (runs.latest(code, yesterday).isEmpty()) {
            String d = yesterday.toString().replace("-", "");
            Day day = new Day(yesterday);
            for (int i = 1; i <= 30; i++) {
                day.both("MZ" + d + String.format("%04d", i), String.format("%d.00", 15 + i * 3), 8 + i / 3, i);
            }
            day.hisOnly("ZY" + d + "0101", "2000.00", 10, 5);
            day.channelOnly("GH" + d + "0102", "15.00", 11, 20);
            day.differ("MZ" + d + "0103", "86.50", "68.50", 13, 2);
            day.bothPay("MZ" + d + "0104", "300.00", 14, 0);
            day.refundBoth("MZ" + d + "0104", "TK" + d + "0104", "120.00", "100.00", 15, 0);
            day.bothPay("MZ" + d + "0105", "500.00", 15, 30);
            day.channelRefund("MZ" + d + "0105", "TK" + d + "01051", "200.00", 16, 0);
            day.channelRefund("MZ" + d + "0105", "TK" + d + "01052", "100.00", 16, 30);
            day.hisRefundUnnumbered("MZ" + d + "0105", "200.00", 16, 0);
            day.hisRefundUnnumbered("MZ" + d + "0105", "150.00", 16, 30);
            day.revoked("MZ" + d + "0106", "45.00", 17, 0);
            reconciler.run(code, yesterday, day.bill(), "UPLOAD", day.his(), "finance");
        }
    }

    /** One day's WeChat trade bill and HIS records, written as the channel and the HIS write them. */
    private static final class Day {

        private final LocalDate date;
        private final List<String> bill = new ArrayList<>();
        private final StringBuilder his = new StringBuilder("his_serial,out_trade_no,out_refund_no,kind,amount,paid_at\n");
        private long payFen;
        private long refundFen;
        private long feeFen;
        private int serial;

        Day(LocalDate date) {
            this.date = date;
        }

        void both(String order, String yuan, int hour, int minute) {
            bothPay(order, yuan, hour, minute);
        }

        void bothPay(String order, String yuan, int hour, int minute) {
            channelPay(order, yuan, hour, minute);
            hisLine(order, "", "PAY", yuan, hour, minute);
        }

        void hisOnly(String order, String yuan, int hour, int minute) {
            hisLine(order, "", "PAY", yuan, hour, minute);
        }

        void channelOnly(String order, String yuan, int hour, int minute) {
            channelPay(order, yuan, hour, minute);
        }

        void differ(String order, String hisYuan, String channelYuan, int hour, int minute) {
            channelPay(order, channelYuan, hour, minute);
            hisLine(order, "", "PAY", hisYuan, hour, minute);
        }

        void refundBoth(String order, String refundNo, String hisYuan, String channelYuan, int hour, int minute) {
            channelRefund(order, refundNo, channelYuan, hour, minute);
            hisLine(order, refundNo, "REFUND", hisYuan, hour, minute);
        }

        void hisRefundUnnumbered(String order, String yuan, int hour, int minute) {
            hisLine(order, "", "REFUND", yuan, hour, minute);
        }

        void revoked(String order, String yuan, int hour, int minute) {
            bill.add(row(hour, minute, order, "REVOKED", yuan, "", "0.00", "", "0.00"));
            hisLine(order, "", "PAY", yuan, hour, minute);
        }

        void channelPay(String order, String yuan, int hour, int minute) {
            long fen = fen(yuan);
            long fee = Math.round(fen * 0.006);
            payFen += fen;
            feeFen += fee;
            bill.add(row(hour, minute, order, "SUCCESS", yuan, "", "0.00", "", yuan(fee)));
        }

        void channelRefund(String order, String refundNo, String yuan, int hour, int minute) {
            long fen = fen(yuan);
            long fee = -Math.round(fen * 0.006);
            refundFen += fen;
            feeFen += fee;
            bill.add(row(hour, minute, order, "REFUND", "0.00", refundNo, yuan, "SUCCESS", yuan(fee)));
        }

        private void hisLine(String order, String refundNo, String kind, String yuan, int hour, int minute) {
            his.append("HIS").append(date.toString().replace("-", "")).append(++serial).append(',').append(order)
                    .append(',').append(refundNo).append(',').append(kind).append(',').append(yuan).append(',')
                    .append(LocalDateTime.of(date, LocalTime.of(hour, minute)).atZone(java.time.ZoneId.of(
                            "Asia/Shanghai")).toOffsetDateTime()).append('\n');
        }

        private String row(int hour, int minute, String order, String state, String settlement, String refundNo,
                           String refund, String refundState, String fee) {
            return String.join(",", "`" + TIMES.format(LocalDateTime.of(date, LocalTime.of(hour, minute))),
                    "`wx2421b1c4370ec43b", "`1900000109", "`0", "`", "`4200001" + (bill.size() + 1000), "`" + order,
                    "`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", "`JSAPI", "`" + state, "`CMC", "`CNY", "`" + settlement, "`0.00",
                    "`" + (refundNo.isEmpty() ? "" : "5030" + (bill.size() + 1000)), "`" + refundNo, "`" + refund,
                    "`0.00", "`" + (refundNo.isEmpty() ? "" : "ORIGINAL"), "`" + refundState, "`门诊缴费", "`",
                    "`" + fee, "`0.60%", "`" + settlement, "`" + refund, "`");
        }

        BillFile bill() {
            StringBuilder out = new StringBuilder("交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,"
                    + "交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,"
                    + "商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注\n");
            bill.forEach(row -> out.append(row).append('\n'));
            out.append("总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\n");
            out.append('`').append(bill.size()).append(",`").append(yuan(payFen)).append(",`").append(yuan(refundFen))
                    .append(",`0.00,`").append(yuan(feeFen)).append(",`").append(yuan(payFen)).append(",`")
                    .append(yuan(refundFen)).append('\n');
            byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
            return new BillFile("wechat-" + date + ".csv", () -> new ByteArrayInputStream(bytes));
        }

        BillFile his() {
            byte[] bytes = his.toString().getBytes(StandardCharsets.UTF_8);
            return new BillFile("his-" + date + ".csv", () -> new ByteArrayInputStream(bytes));
        }

        private static long fen(String yuan) {
            return new BigDecimal(yuan).movePointRight(2).longValueExact();
        }

        private static String yuan(long fen) {
            return BigDecimal.valueOf(fen, 2).toPlainString();
        }
    }
}
