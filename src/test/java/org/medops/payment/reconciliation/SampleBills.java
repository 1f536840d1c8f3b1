package org.medops.payment.reconciliation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Bills as the channels and the HIS write them, built line by line for tests: WeChat Pay's trade bill with its
 * back-quotes and summary, Alipay's zipped GBK detail with its comment lines, the HIS's charge-record CSV.
 */
public final class SampleBills {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIMES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private SampleBills() {
    }

    /** WeChat Pay's 交易账单 (ALL): payments, refunds and revoked orders, with the summary computed from them. */
    public static final class Wechat {

        private static final String HEADER = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,"
                + "交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,"
                + "商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";
        private final List<String> rows = new ArrayList<>();
        private long payFen;
        private long refundFen;
        private long feeFen;
        private int sequence;

        public Wechat pay(String outTradeNo, String yuan, LocalDateTime at) {
            long fen = fen(yuan);
            long fee = Math.round(fen * 0.006);
            payFen += fen;
            feeFen += fee;
            rows.add(row(at, "4200000" + (++sequence), outTradeNo, "SUCCESS", yuan, "0", "", "0.00", "",
                    BigDecimal.valueOf(fee, 2).toPlainString(), yuan, "0.00"));
            return this;
        }

        public Wechat refund(String outTradeNo, String outRefundNo, String yuan, LocalDateTime at) {
            long fen = fen(yuan);
            long fee = -Math.round(fen * 0.006);
            refundFen += fen;
            feeFen += fee;
            rows.add(row(at, "4200000" + (++sequence), outTradeNo, "REFUND", "0.00", "5030000" + sequence,
                    outRefundNo, yuan, "SUCCESS", BigDecimal.valueOf(fee, 2).toPlainString(), "0.00", yuan));
            return this;
        }

        public Wechat revoked(String outTradeNo, String yuan, LocalDateTime at) {
            rows.add(row(at, "4200000" + (++sequence), outTradeNo, "REVOKED", yuan, "0", "", "0.00", "", "0.00",
                    yuan, "0.00"));
            return this;
        }

        /** A summary that states {@code extraFen} more payments than the rows hold: an edited or cut bill. */
        public String text(long extraFen) {
            StringBuilder out = new StringBuilder(HEADER).append('\n');
            rows.forEach(row -> out.append(row).append('\n'));
            out.append("总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\n");
            out.append('`').append(rows.size()).append(",`").append(yuan(payFen + extraFen)).append(",`")
                    .append(yuan(refundFen)).append(",`0.00,`").append(yuan(feeFen)).append(",`")
                    .append(yuan(payFen)).append(",`").append(yuan(refundFen)).append('\n');
            return out.toString();
        }

        public String text() {
            return text(0);
        }

        public byte[] bytes() {
            return text().getBytes(StandardCharsets.UTF_8);
        }

        private static String row(LocalDateTime at, String transaction, String outTradeNo, String state,
                                  String settlement, String refundId, String outRefundNo, String refund,
                                  String refundState, String fee, String orderAmount, String refundAsked) {
            return String.join(",", List.of("`" + TIMES.format(at), "`wx8888888888888888", "`1900000109", "`0",
                    "`", "`" + transaction, "`" + outTradeNo, "`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", "`JSAPI",
                    "`" + state, "`CMC", "`CNY", "`" + settlement, "`0.00", "`" + refundId, "`" + outRefundNo,
                    "`" + refund, "`0.00", "`" + (refundState.isEmpty() ? "" : "ORIGINAL"), "`" + refundState,
                    "`门诊缴费", "`", "`" + fee, "`0.60%", "`" + orderAmount, "`" + refundAsked, "`"));
        }
    }

    /** Alipay's 业务明细 zipped in GBK, with the 汇总 file beside it. */
    public static final class Alipay {

        private static final String HEADER = "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,"
                + "对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,"
                + "商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注";
        private final List<String> rows = new ArrayList<>();
        private long payFen;
        private long refundFen;
        private int trades;
        private int refunds;
        private int sequence;

        public Alipay pay(String outTradeNo, String yuan, LocalDateTime at) {
            payFen += fen(yuan);
            trades++;
            rows.add(row("2026" + (++sequence), outTradeNo, "交易", at, yuan, yuan, "",
                    "-" + yuan(Math.round(fen(yuan) * 0.006))));
            return this;
        }

        public Alipay refund(String outTradeNo, String refundNo, String yuan, LocalDateTime at) {
            refundFen += fen(yuan);
            refunds++;
            rows.add(row("2026" + (++sequence), outTradeNo, "退款", at, "-" + yuan, "-" + yuan, refundNo,
                    yuan(Math.round(fen(yuan) * 0.006))));
            return this;
        }

        public String detail(int tradesStated) {
            StringBuilder out = new StringBuilder();
            out.append("#支付宝业务明细查询\n#账号：[20881234567890120156]\n");
            out.append("#起始日期：[2026年12月07日 00:00:00]   终止日期：[2026年12月08日 00:00:00]\n");
            out.append("#-----------------------------------------业务明细列表----------------------------------------\n");
            out.append(HEADER).append('\n');
            rows.forEach(row -> out.append(row).append('\n'));
            out.append("#-----------------------------------------业务明细列表结束------------------------------------\n");
            out.append("#交易合计：").append(tradesStated).append("笔，商家实收共计：").append(yuan(payFen))
                    .append("元，商家优惠共计：0.00元\n");
            out.append("#退款合计：").append(refunds).append("笔，商家实收退款共计：-").append(yuan(refundFen))
                    .append("元，商家优惠退款共计：0.00元\n");
            out.append("#导出时间：[2026年12月08日 09:00:00]\n");
            return out.toString();
        }

        public byte[] zip() {
            return zip(trades);
        }

        public byte[] zip(int tradesStated) {
            Charset gbk = Charset.forName("GBK");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes, gbk)) {
                zip.putNextEntry(new ZipEntry("20881234567890120156_20261207_业务明细(汇总).csv"));
                zip.write(("#支付宝业务汇总查询\n门店编号,门店名称,交易订单总笔数,退款订单总笔数\n,,"
                        + trades + "," + refunds + "\n").getBytes(gbk));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("20881234567890120156_20261207_业务明细.csv"));
                zip.write(detail(tradesStated).getBytes(gbk));
                zip.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        private static String row(String tradeNo, String outTradeNo, String type, LocalDateTime at, String amount,
                                  String received, String refundNo, String fee) {
            return String.join(",", List.of(tradeNo + "\t", outTradeNo + "\t", type, "门诊缴费", TIMES.format(at),
                    TIMES.format(at), "", "", "", "", "pat***@example.com", amount, received, "0.00", "0.00",
                    "0.00", "0.00", "0.00", "", "0.00", "0.00", refundNo, fee, "0.00", ""));
        }
    }

    /** The HIS's charge records. */
    public static final class His {

        private final StringBuilder out = new StringBuilder("his_serial,out_trade_no,out_refund_no,kind,amount,paid_at\n");
        private int serial;

        public His pay(String outTradeNo, String yuan, LocalDateTime at) {
            return line(outTradeNo, "", "PAY", yuan, at);
        }

        public His refund(String outTradeNo, String outRefundNo, String yuan, LocalDateTime at) {
            return line(outTradeNo, outRefundNo == null ? "" : outRefundNo, "REFUND", yuan, at);
        }

        private His line(String outTradeNo, String outRefundNo, String kind, String yuan, LocalDateTime at) {
            out.append("HIS").append(++serial).append(',').append(outTradeNo).append(',').append(outRefundNo)
                    .append(',').append(kind).append(',').append(yuan).append(',')
                    .append(at.atZone(SHANGHAI).toOffsetDateTime()).append('\n');
            return this;
        }

        public String text() {
            return out.toString();
        }

        public byte[] bytes() {
            return text().getBytes(StandardCharsets.UTF_8);
        }
    }

    static long fen(String yuan) {
        return new BigDecimal(yuan).movePointRight(2).longValueExact();
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
