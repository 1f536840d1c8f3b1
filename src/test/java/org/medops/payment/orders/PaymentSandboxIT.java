package org.medops.payment.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.medops.testing.Problems.problem;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medops.payment.PlatformLedger;
import org.medops.payment.sandbox.WechatPaySandbox;
import org.medops.testing.MedopsTest;
import org.medops.testing.SignedClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders end to end against the WeChat Pay sandbox: a channel creates them through the gateway, the sandbox's signed
 * and encrypted notifications race each other and the query poller, the HIS on a real port hears each result once;
 * refunds retried with the same number refund once.
 */
@MedopsTest
class PaymentSandboxIT {

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    WechatPaySandbox sandbox;

    @Autowired
    JdbcClient jdbc;

    PaymentFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new PaymentFixture(port, context, sandbox);
    }

    @AfterEach
    void tearDown() {
        fixture.stop();
    }

    @Test
    void fiveDuplicateNotificationsInParallelMakeOneStateChangeAndOneHisConfirmation() throws Exception {
        String bill = "MZ" + UUID.randomUUID().toString().substring(0, 8);
        SignedClient.Reply created = fixture.order(bill, 2350);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String outTradeNo = created.json().get("outTradeNo").asString();
        assertThat(created.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(created.json().get("prepayId").asString()).startsWith("wx");
        assertThat(created.json().get("payer").asString()).as("masked").doesNotContain("张三丰").contains("张*丰")
                .doesNotContain("MuAJO");
        assertThat(sandbox.state(outTradeNo)).hasValue("NOTPAY");

        SignedClient.Reply again = fixture.order(bill, 2350);
        assertThat(again.json().get("outTradeNo").asString()).as("the channel's retry: the same order")
                .isEqualTo(outTradeNo);

        assertThat(sandbox.pay(outTradeNo)).isTrue(); // the payer pays; the sandbox notifies once by itself
        List<Integer> statuses = sandbox.notifyRepeatedly(outTradeNo, 5);
        assertThat(statuses).as("every copy is understood").allMatch(s -> s == 204);

        await().atMost(Duration.ofSeconds(15)).until(() -> notifications(outTradeNo) >= 6);
        await().atMost(Duration.ofSeconds(15)).until(() -> fixture.his.bodies("/his/payment-results").size() >= 1);
        Thread.sleep(1500); // past the poller's and the outbox's next passes: nothing more may arrive
        List<String> told = fixture.his.bodies("/his/payment-results");
        assertThat(told).hasSize(1);
        assertThat(told.get(0)).contains("\"kind\":\"PAID\"").contains(outTradeNo).contains(bill)
                .contains("\"amountFen\":2350");
        assertThat(count("select count(*) from payment_notifications where out_trade_no = :no and outcome = 'APPLIED'",
                outTradeNo)).isEqualTo(1);
        assertThat(count("select count(*) from payment_notifications where out_trade_no = :no and outcome = 'DUPLICATE'",
                outTradeNo)).isEqualTo(5);
        assertThat(count("select count(*) from payment_order_events where out_trade_no = :no and kind = 'PAID'",
                outTradeNo)).isEqualTo(1);

        SignedClient.Reply queried = fixture.channel.get("/payment/orders/" + outTradeNo);
        assertThat(queried.json().get("status").asString()).isEqualTo("PAID");
        assertThat(queried.json().get("transactionId").asString()).startsWith("42");
        SignedClient.Reply paidAgain = fixture.order(bill, 2350);
        assertThat(paidAgain.status()).as(paidAgain.body()).isEqualTo(409);
    }

    @Test
    void aRefundRetriedWithTheSameNumberRefundsOnceAndTheLimitsHold() {
        String outTradeNo = paidOrder(1000);

        SignedClient.Reply first = fixture.post("/payment/orders/" + outTradeNo + "/refunds",
                "{\"outRefundNo\":\"R-" + outTradeNo + "-1\",\"amountFen\":300,\"reason\":\"退号\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        SignedClient.Reply retry = fixture.post("/payment/orders/" + outTradeNo + "/refunds",
                "{\"outRefundNo\":\"R-" + outTradeNo + "-1\",\"amountFen\":300,\"reason\":\"退号\"}");
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().get("outRefundNo").asString()).isEqualTo("R-" + outTradeNo + "-1");
        assertThat(sandbox.refunded(outTradeNo)).as("the channel refunded once").isEqualTo(300);

        SignedClient.Reply otherAmount = fixture.post("/payment/orders/" + outTradeNo + "/refunds",
                "{\"outRefundNo\":\"R-" + outTradeNo + "-1\",\"amountFen\":500}");
        assertThat(otherAmount.status()).isEqualTo(409);
        assertThat(otherAmount.body()).contains("refund-number-reused");
        SignedClient.Reply tooMuch = fixture.post("/payment/orders/" + outTradeNo + "/refunds",
                "{\"outRefundNo\":\"R-" + outTradeNo + "-2\",\"amountFen\":701}");
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.body()).contains("refund-exceeds-paid");
        SignedClient.Reply rest = fixture.post("/payment/orders/" + outTradeNo + "/refunds",
                "{\"outRefundNo\":\"R-" + outTradeNo + "-3\",\"amountFen\":700}");
        assertThat(rest.status()).as(rest.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).until(() -> fixture.his.bodies("/his/payment-results").stream()
                .filter(b -> b.contains("\"kind\":\"REFUNDED\"")).count() == 2);
        assertThat(sandbox.refunded(outTradeNo)).isEqualTo(1000);
        assertThat(fixture.channel.get("/payment/orders/" + outTradeNo).json().get("status").asString())
                .isEqualTo("REFUNDED");
        assertThat(fixture.his.bodies("/his/payment-results")).as("one PAID, two REFUNDED").hasSize(3);
        assertThat(count("select count(*) from payment_refunds where out_trade_no = :no and status = 'SUCCESS'",
                outTradeNo)).isEqualTo(2);

        // Reconciliation reads the same books: the payment (refunded in full) and its two refunds, today.
        List<PlatformLedger.Entry> books = new java.util.ArrayList<>();
        context.getBean(PlatformLedger.class).stream(fixture.merchant,
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), books::add);
        assertThat(books).filteredOn(e -> e.outTradeNo().equals(outTradeNo))
                .extracting(PlatformLedger.Entry::kind, PlatformLedger.Entry::outRefundNo, PlatformLedger.Entry::amountFen,
                        PlatformLedger.Entry::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(PlatformLedger.Kind.PAY, null, 1000L, PlatformLedger.Status.REFUNDED),
                        org.assertj.core.groups.Tuple.tuple(PlatformLedger.Kind.REFUND, "R-" + outTradeNo + "-1", 300L,
                                PlatformLedger.Status.SUCCESS),
                        org.assertj.core.groups.Tuple.tuple(PlatformLedger.Kind.REFUND, "R-" + outTradeNo + "-3", 700L,
                                PlatformLedger.Status.SUCCESS));
    }

    @Test
    void aForgedNotificationIsRecordedAndRefusedAndAnotherChannelSeesNoOrder() throws Exception {
        String outTradeNo = created(fixture.order("MZ" + UUID.randomUUID().toString().substring(0, 8), 100));
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/payment-notify/wechat/" + fixture.merchant))
                .header("Content-Type", "application/json")
                .header("Wechatpay-Serial", "PUB_KEY_ID_FORGED").header("Wechatpay-Nonce", "n")
                .header("Wechatpay-Timestamp", String.valueOf(System.currentTimeMillis() / 1000))
                .header("Wechatpay-Signature", "AAAA")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"forged-1\",\"resource\":{}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from payment_notifications where merchant = :m and outcome = 'REJECTED'")
                .param("m", fixture.merchant).query(Long.class).single()).isEqualTo(1);
        assertThat(fixture.channel.get("/payment/orders/" + outTradeNo).json().get("status").asString())
                .isEqualTo("PENDING");

        PaymentFixture other = new PaymentFixture(port, context, sandbox);
        try {
            assertThat(other.channel.get("/payment/orders/" + outTradeNo).status()).isEqualTo(404);
        } finally {
            other.stop();
        }
        SignedClient.Reply closed = fixture.post("/payment/orders/" + outTradeNo + "/close", "{}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(sandbox.state(outTradeNo)).hasValue("CLOSED");
        problem(fixture.admin.get("/api/v1/payment/orders/none-such"), 404, "not-found");
        SignedClient.Reply bad = fixture.post("/payment/orders", "{\"businessType\":\"X\",\"amountFen\":-1}");
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void thePollerFindsAPaymentWhoseNotificationNeverArrived() {
        String outTradeNo = created(fixture.order("MZ" + UUID.randomUUID().toString().substring(0, 8), 880));
        sandbox.dropNotifications(outTradeNo);
        assertThat(sandbox.pay(outTradeNo)).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> fixture.his.bodies("/his/payment-results").size() == 1);
        assertThat(count("select count(*) from payment_order_events where out_trade_no = :no and kind = 'PAID' "
                + "and detail like 'QUERY%'", outTradeNo)).isEqualTo(1);
        assertThat(count("select count(*) from payment_notifications where out_trade_no = :no", outTradeNo))
                .isZero();
    }

    private String paidOrder(long amountFen) {
        String outTradeNo = created(fixture.order("MZ" + UUID.randomUUID().toString().substring(0, 8), amountFen));
        sandbox.pay(outTradeNo);
        await().atMost(Duration.ofSeconds(15)).until(() -> fixture.his.bodies("/his/payment-results").size() == 1);
        return outTradeNo;
    }

    private static String created(SignedClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("outTradeNo").asString();
    }

    private long notifications(String outTradeNo) {
        return count("select count(*) from payment_notifications where out_trade_no = :no", outTradeNo);
    }

    private long count(String sql, String outTradeNo) {
        return jdbc.sql(sql).param("no", outTradeNo).query(Long.class).single();
    }
}
