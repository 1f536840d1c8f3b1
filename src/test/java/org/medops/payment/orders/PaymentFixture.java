package org.medops.payment.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.medops.gateway.GatewayPorts;
import org.medops.payment.sandbox.WechatPaySandbox;
import org.medops.testing.Api;
import org.medops.testing.HttpReceiver;
import org.medops.testing.MedopsTest;
import org.medops.testing.SignedClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A merchant enrolled in the sandbox with its keys uploaded through the API, a routing rule for its own campus, a HIS
 * listening on a real port, and an internet channel granted the payment service on the gateway.
 */
final class PaymentFixture {

    final String merchant;
    final String campus;
    final HttpReceiver his = new HttpReceiver();
    final SignedClient channel;
    final Api admin;

    PaymentFixture(int consolePort, org.springframework.context.ApplicationContext context, WechatPaySandbox sandbox) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        merchant = "wx-" + suffix;
        campus = "院区-" + suffix;
        admin = new Api(consolePort).as("admin", MedopsTest.ADMIN_PASSWORD);
        String mchId = "19" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        ok(admin.post("/api/v1/payment/merchants", """
                {"code":"%s","name":"门诊微信支付","channel":"WECHAT","mchId":"%s","appId":"wx8888888888888888",
                 "apiBaseUrl":"%s"}""".formatted(merchant, mchId, sandbox.baseUrl())), 201);
        WechatPaySandbox.Enrollment keys = sandbox.enroll(mchId);
        JsonMapper json = JsonMapper.builder().build();
        ok(admin.post("/api/v1/payment/merchants/" + merchant + "/keys", json.createObjectNode()
                .put("kind", "API_V3_KEY").put("value", keys.apiV3Key()).toString()), 201);
        ok(admin.post("/api/v1/payment/merchants/" + merchant + "/keys", json.createObjectNode()
                .put("kind", "MERCHANT_PRIVATE_KEY").put("value", keys.merchantPrivateKeyPem())
                .put("serial", keys.merchantSerial()).toString()), 201);
        ok(admin.post("/api/v1/payment/merchants/" + merchant + "/keys", json.createObjectNode()
                .put("kind", "PLATFORM_PUBLIC_KEY").put("value", keys.platformPublicKeyPem())
                .put("serial", keys.platformKeyId()).toString()), 201);
        ok(admin.post("/api/v1/payment/routes", json.createObjectNode().put("channel", "WECHAT")
                .put("campus", campus).put("merchant", merchant).toString()), 201);
        ok(admin.put("/api/v1/payment/merchants/" + merchant + "/his-endpoint", json.createObjectNode()
                .put("url", his.url("/his/payment-results")).toString()), 200);

        String code = "pay-ch-" + suffix;
        Api.Response issued = admin.post("/api/v1/channels", "{\"code\":\"" + code + "\",\"name\":\"微信小程序\"}");
        ok(issued, 201);
        ok(admin.post("/api/v1/channels/" + code + "/grants", "{\"serviceCode\":\"payment\"}"), 201);
        channel = new SignedClient(GatewayPorts.of(context), issued.json().get("appKey").asString(),
                issued.json().get("appSecret").asString());
        // The grant reaches the gateway within a second: then an unknown order is the service's 404, not a refusal.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            SignedClient.Reply probe = channel.get("/payment/orders/none");
            assertThat(probe.status()).as(probe.body()).isEqualTo(404);
        });
    }

    /** A JSAPI order for a HIS bill, through the gateway. */
    SignedClient.Reply order(String hisBill, long amountFen) {
        return post("/payment/orders", """
                {"businessType":"OUTPATIENT","hisBillNo":"%s","amountFen":%d,"payerId":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
                 "payerName":"张三丰","campus":"%s","description":"门诊缴费"}""".formatted(hisBill, amountFen, campus));
    }

    /** A JSON POST through the gateway, signed as the channel. */
    SignedClient.Reply post(String path, String json) {
        return channel.call("POST", path, json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.util.List.of("Content-Type", "application/json"));
    }

    void stop() {
        his.stop();
    }

    private static void ok(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }
}
