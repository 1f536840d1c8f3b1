package org.medops.payment.orders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.medops.payment.Merchants;
import org.medops.payment.PaymentChannel;
import org.medops.shared.DemoData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's month of WeChat Pay orders (30 to 3 days ago) as the platform's books hold them: mostly paid, some closed unpaid, some
 * refunded in part or in full, each with its timeline. Written straight into the books (history, not replayed through
 * the channel), relative to today, so the lists, an order's page and the reconciliation ledger have a month to show on
 * any date. Orders made live in the demo go through the sandbox like any other.
 */
@Component
@Order(110)
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
class OrdersDemo implements DemoData {

    /** The outpatient WeChat Pay merchant the merchants' demo registers. */
    private static final String MERCHANT = "wx-mz";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String[] PAYERS = {"张三丰", "李秀英", "王建国", "赵敏", "陈思远", "刘芳", "周杰", "吴晓梅"};
    private static final BusinessType[] TYPES = {BusinessType.OUTPATIENT, BusinessType.OUTPATIENT,
            BusinessType.REGISTRATION, BusinessType.OUTPATIENT, BusinessType.DEPOSIT};

    private final OrderRecords orders;
    private final Merchants merchants;
    private final Clock clock;

    OrdersDemo(OrderRecords orders, Merchants merchants, Clock clock) {
        this.orders = orders;
        this.merchants = merchants;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "payment orders";
    }

    @Override
    @Transactional
    public void seed() {
        if (merchants.byCode(MERCHANT).isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        // Up to three days ago: the reconciliation demo writes yesterday's and the day before's bills on its own.
        for (int back = 30; back >= 3; back--) {
            LocalDate day = today.minusDays(back);
            if (orders.find(tradeNo(day, 1)).isPresent()) {
                continue;
            }
            Random random = new Random(day.toEpochDay());
            int count = 6 + random.nextInt(5);
            for (int i = 1; i <= count; i++) {
                seedOrder(day, i, random);
            }
        }
    }

    private void seedOrder(LocalDate day, int i, Random random) {
        String no = tradeNo(day, i);
        Instant created = day.atTime(8 + random.nextInt(9), random.nextInt(60)).atZone(ZONE).toInstant();
        BusinessType type = TYPES[random.nextInt(TYPES.length)];
        long amount = type == BusinessType.REGISTRATION ? 1500 + 500L * random.nextInt(4)
                : type == BusinessType.DEPOSIT ? 100_000L * (1 + random.nextInt(5)) : 2_000 + random.nextInt(48_000);
        String payer = PAYERS[random.nextInt(PAYERS.length)];
        orders.insert(new PaymentOrder(0, no, MERCHANT, PaymentChannel.WECHAT, type,
                (type == BusinessType.DEPOSIT ? "ZY" : "MZ") + day.format(DAY) + String.format("%04d", i), amount, 0,
                "oUpF8uMuAJO_M2pxb1Q9zNjWe" + String.format("%03d", random.nextInt(1000)), payer, "本部", "门诊收费处",
                type == BusinessType.DEPOSIT ? "住院押金" : "门诊缴费", "JSAPI", OrderStatus.PENDING, null, null, null,
                "wechat-mp", created, created.plus(Duration.ofMinutes(30)), null, null));
        orders.event(no, created, "CREATED", "wechat-mp");
        int fate = random.nextInt(20);
        if (fate == 0) {
            Instant closed = created.plus(Duration.ofMinutes(30));
            orders.markClosed(no, closed);
            orders.event(no, closed, "CLOSED", "unpaid");
            return;
        }
        Instant paid = created.plusSeconds(20 + random.nextInt(200));
        String transaction = "4200" + day.format(DAY) + String.format("%012d", Math.abs(random.nextLong() % 1_000_000_000_000L));
        orders.markPaid(no, transaction, paid);
        orders.event(no, paid, "PAID", "NOTIFICATION " + transaction);
        orders.event(no, paid.plusSeconds(2), "HIS_CONFIRMED", null);
        if (fate <= 2) {
            long refund = fate == 1 ? amount : amount / 4;
            String refundNo = "R" + no + "-1";
            Instant asked = paid.plus(Duration.ofHours(1 + random.nextInt(5)));
            orders.reserveRefund(no, refund);
            orders.insertRefund(refundNo, no, refund, fate == 1 ? "退号" : "部分项目未执行", "wechat-mp", asked);
            orders.event(no, asked, "REFUND_REQUESTED", refundNo);
            orders.refundSettled(refundNo, "SUCCESS", "5030" + no.substring(1), asked.plusSeconds(40));
            orders.event(no, asked.plusSeconds(40), "REFUNDED", refundNo);
        }
    }

    private static String tradeNo(LocalDate day, int i) {
        return "DM" + day.format(DAY) + String.format("%04d", i);
    }
}
