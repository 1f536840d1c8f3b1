package org.medops.payment.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.payment.sandbox.WechatPaySandbox;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.medops.testing.SignedClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The merchants page and an order's page in Chromium, for an order paid and partly refunded in the sandbox. */
@MedopsTest
class PaymentBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    WechatPaySandbox sandbox;

    @Test
    void theFinanceOfficeSeesMerchantsAndAnOrdersTimeline() {
        PaymentFixture fixture = new PaymentFixture(port, context, sandbox);
        try {
            String bill = "MZ" + UUID.randomUUID().toString().substring(0, 8);
            SignedClient.Reply created = fixture.order(bill, 12850);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String outTradeNo = created.json().get("outTradeNo").asString();
            sandbox.pay(outTradeNo);
            await().atMost(Duration.ofSeconds(15)).until(() -> fixture.his.bodies("/his/payment-results").size() == 1);
            SignedClient.Reply refund = fixture.post("/payment/orders/" + outTradeNo + "/refunds",
                    "{\"outRefundNo\":\"R" + outTradeNo + "\",\"amountFen\":2000,\"reason\":\"检查项目取消\"}");
            assertThat(refund.status()).as(refund.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(15)).until(() -> fixture.his.bodies("/his/payment-results").size() == 2);

            try (Browser browser = Browser.open(port)) {
                browser.login("admin", MedopsTest.ADMIN_PASSWORD);
                browser.go("/payment/merchants");
                String row = browser.text("#merchant-" + fixture.merchant);
                assertThat(row).contains("门诊微信支付", "微信支付", "直连商户", "APIv3 密钥", "商户 API 私钥", "平台公钥",
                        "/his/payment-results", "启用");
                assertThat(browser.text("#payment-routes")).contains(fixture.campus);
                browser.screenshot("payment-merchants");

                browser.go("/payment/orders?hisBillNo=" + bill);
                assertThat(browser.text("#payment-orders")).contains(outTradeNo, "门诊缴费", "张*丰", "¥128.50", "已支付",
                        "部分退款").doesNotContain("张三丰").doesNotContain("MuAJO");
                browser.screenshot("payment-orders");
                browser.click("#payment-orders a").waitForPath("/payment/orders/" + outTradeNo);
                assertThat(browser.text("#payment-order")).contains(bill, "已支付", "¥128.50", "已退 ¥20.00");
                assertThat(browser.text("#payment-order-timeline")).contains("订单创建", "渠道下单成功", "支付成功",
                        "HIS 已确认", "申请退款", "退款成功");
                assertThat(browser.text("#payment-order-refunds")).contains("R" + outTradeNo, "¥20.00", "退款成功");
                assertThat(browser.text("#payment-order-his")).contains("支付结果", "退款结果", "已确认");
                browser.screenshot("payment-order");
            }
        } finally {
            fixture.stop();
        }
    }
}
