package org.medops.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medops.shared.DemoData;
import org.medops.testing.AdjustableClock;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The payment demo as if started on a chosen day (a year's first day, a leap day, the end of a month, today): the two
 * merchants, the WeChat one enrolled in the sandbox; a month of orders from 30 to 3 days before the day, none later,
 * paid, closed and refunded ones among them; and reconciliation's platform ledger reading those books.
 */
@MedopsTest
@TestPropertySource(properties = {"medops.demo=true", "medops.demo-upstream-port=0", "medops.demo-traffic-period=1s",
        "medops.payment.sandbox.port=0"})
class PaymentDemoDatesIT {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AdjustableClock clock;
    @Autowired
    List<DemoData> seeds;
    @Autowired
    PlatformLedger ledger;
    @Autowired
    Merchants merchants;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        AdjustableClock adjustableClock() {
            return new AdjustableClock();
        }
    }

    @ParameterizedTest(name = "started on {0}")
    @ValueSource(strings = {"2026-12-08", "2027-01-01", "2028-02-29", "2026-03-31"})
    void seedsAMonthOfOrdersBeforeTheDay(String day) {
        jdbc.sql("truncate payment_order_events, payment_refunds, payment_orders cascade").update();
        LocalDate today = LocalDate.parse(day);
        clock.set(today.atTime(LocalTime.of(8, 40)).atZone(SHANGHAI).toInstant());
        try {
            seeds.stream().filter(seed -> seed.name().startsWith("payment")).forEach(DemoData::seed);
        } finally {
            clock.set(null);
        }
        assertThat(merchants.byCode("wx-mz")).hasValueSatisfying(m -> assertThat(m.channel()).isEqualTo(PaymentChannel.WECHAT));
        assertThat(merchants.byCode("ali-zy")).hasValueSatisfying(m -> assertThat(m.channel()).isEqualTo(PaymentChannel.ALIPAY));

        Instant first = today.minusDays(30).atStartOfDay(SHANGHAI).toInstant();
        Instant last = today.minusDays(2).atStartOfDay(SHANGHAI).toInstant();
        List<Timestamp> created = jdbc.sql("select created_at from payment_orders").query(Timestamp.class).list();
        assertThat(created).as(day).hasSizeBetween(28 * 6, 28 * 10)
                .allSatisfy(at -> assertThat(at.toInstant()).isBetween(first, last));
        assertThat(jdbc.sql("select count(*) from payment_orders where status = 'CLOSED'").query(Long.class).single())
                .as("closed unpaid").isPositive();
        assertThat(jdbc.sql("select count(*) from payment_orders where refunded_fen > 0").query(Long.class).single())
                .as("refunded").isPositive();
        assertThat(jdbc.sql("select count(*) from payment_order_events").query(Long.class).single())
                .as("every order has its timeline").isGreaterThanOrEqualTo(created.size());

        // Seeding again adds nothing.
        clock.set(today.atTime(LocalTime.of(9, 0)).atZone(SHANGHAI).toInstant());
        try {
            seeds.stream().filter(seed -> seed.name().equals("payment orders")).forEach(DemoData::seed);
        } finally {
            clock.set(null);
        }
        assertThat(jdbc.sql("select count(*) from payment_orders").query(Long.class).single()).isEqualTo(created.size());

        LocalDate sample = today.minusDays(10);
        List<PlatformLedger.Entry> books = new ArrayList<>();
        long streamed = ledger.stream("wx-mz", sample, books::add);
        long paidOrClosed = jdbc.sql("""
                select count(*) from payment_orders where coalesce(paid_at, closed_at) >= :from and coalesce(paid_at, closed_at) < :to""")
                .param("from", Timestamp.from(sample.atStartOfDay(SHANGHAI).toInstant()))
                .param("to", Timestamp.from(sample.plusDays(1).atStartOfDay(SHANGHAI).toInstant())).query(Long.class).single();
        assertThat(streamed).isEqualTo(books.size()).isGreaterThanOrEqualTo(paidOrClosed).isPositive();
    }
}
