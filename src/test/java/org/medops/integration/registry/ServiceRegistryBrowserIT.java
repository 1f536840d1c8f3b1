package org.medops.integration.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 服务注册 in the console: the registry list, a subscription requested on the form and approved, 对接服务清单. */
@MedopsTest
class ServiceRegistryBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void requestsAndApprovesASubscriptionAndSeesItOnTheServiceList() {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String topic = "pacs-" + UUID.randomUUID().toString().substring(0, 6);
        var registered = admin.post("/api/v1/integration/services", """
                {"code":"%s","name":"影像报告发布","system":"PACS","kind":"TOPIC","messageType":"ORU^R01",
                 "messageVersion":"2.5.1","owner":"admin","schema":"MSH|^~\\\\&|PACS|HOSP|ESB|HOSP|...||ORU^R01|..."}"""
                .formatted(topic));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        try (Browser browser = Browser.open(port)) {
            browser.login("admin", MedopsTest.ADMIN_PASSWORD).waitForPath("/");
            browser.go("/integration/channels").click("#nav-integration-registry").waitForPath("/integration/registry");
            browser.go("/integration/registry?system=PACS&kind=TOPIC");
            assertThat(browser.text("#service-" + topic)).contains("影像报告发布", "PACS", "事件主题", "ORU^R01 2.5.1", "在用");
            browser.screenshot("80-integration-registry");

            browser.click("#service-" + topic + " a").waitForPath("/integration/registry/" + topic);
            browser.click("#subscribe").waitForPath("/integration/registry/" + topic + "/subscribe");
            browser.set("#sub-system", "EMR").set("#sub-delivery", "{\"type\": \"HTTP\"}").click("#sub-submit");
            assertThat(browser.text("#problem")).as("a delivery without its address is refused").isNotBlank();
            browser.set("#sub-delivery", "{\"type\": \"HTTP\", \"url\": \"http://127.0.0.1:9/emr/pacs\"}").click("#sub-submit");
            assertThat(browser.text("#notice")).contains("订阅申请已提交");
            assertThat(browser.text("#subscriptions")).contains("EMR 电子病历", "待审批");
            browser.screenshot("81-integration-subscription-pending");

            browser.click("#subscriptions button[id^='approve-']");
            assertThat(browser.text("#notice")).contains("订阅状态已更新");
            assertThat(browser.text("#subscriptions")).contains("在用").doesNotContain("待审批");
            assertThat(browser.findAll("#subscriptions button[id^='suspend-']")).hasSize(1);
            browser.screenshot("82-integration-subscription-approved");

            browser.click("#nav-integration-service-list").waitForPath("/integration/service-list");
            browser.set("#list-system", "EMR").click("#service-list-apply");
            assertThat(browser.text("#service-list")).contains("EMR 电子病历", "订阅", "影像报告发布", "PACS 影像归档与通信系统");
            browser.screenshot("83-integration-service-list");
        }
    }

    @Test
    void registersAndEditsAServiceOnTheFormWithReadableErrorsAndRequestsACallSubscription() throws Exception {
        String code = "pq-" + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = Browser.open(port)) {
            browser.login("admin", MedopsTest.ADMIN_PASSWORD).waitForPath("/");
            browser.go("/integration/registry").click("#register-service").waitForPath("/integration/registry/new");
            browser.type("#svc-code", "Bad Code").type("#svc-name", "患者信息查询").set("#svc-system", "HIS")
                    .set("#svc-kind", "SERVICE").type("#svc-message-type", "JSON").type("#svc-message-version", "1.0")
                    .type("#svc-owner", "admin").type("#svc-endpoint", "http://127.0.0.1:9/patient/query")
                    .type("#svc-timeout", "3000").type("#svc-schema", "{\"patientId\": \"P000123\"}").click("#svc-submit");
            assertThat(browser.text("#problem")).contains("服务编码须为", "Bad Code");
            assertThat(browser.find("#svc-code").getAttribute("class")).contains("is-invalid");
            assertThat(browser.find("#svc-name").getAttribute("value")).as("what was typed stays").isEqualTo("患者信息查询");
            browser.screenshot("84-integration-service-form-error");

            browser.type("#svc-code", code).click("#svc-submit").waitForPath("/integration/registry/" + code);
            assertThat(browser.text("#notice")).contains("服务已登记");
            assertThat(browser.text("#service-card")).contains("患者信息查询", "HIS", "请求/应答服务", "JSON 1.0", "3000");
            assertThat(browser.text("#service-endpoint")).isEqualTo("http://127.0.0.1:9/patient/query");
            assertThat(browser.text("#service-calls")).contains("尚无调用");
            browser.screenshot("85-integration-service-registered");

            browser.click("#edit-service").waitForPath("/integration/registry/" + code + "/edit");
            assertThat(browser.find("#svc-code").getAttribute("readonly")).isNotNull();
            browser.type("#svc-name", "患者基本信息查询").type("#svc-endpoint", "ftp://10.1.2.3/q").click("#svc-submit");
            assertThat(browser.text("#problem")).contains("服务地址须为");
            assertThat(browser.find("#svc-endpoint").getAttribute("class")).contains("is-invalid");
            browser.type("#svc-endpoint", "http://127.0.0.1:9/patient/v2").click("#svc-submit")
                    .waitForPath("/integration/registry/" + code);
            assertThat(browser.text("#notice")).contains("服务已保存");
            assertThat(browser.text("#service-card")).contains("患者基本信息查询");
            assertThat(browser.text("#service-endpoint")).isEqualTo("http://127.0.0.1:9/patient/v2");

            browser.click("#subscribe").waitForPath("/integration/registry/" + code + "/subscribe");
            assertThat(browser.text("#sub-call-hint")).contains("请求/应答服务");
            assertThat(browser.findAll("#sub-delivery")).as("a call subscription needs no delivery").isEmpty();
            browser.set("#sub-system", "EMR").click("#sub-submit");
            assertThat(browser.text("#subscriptions")).contains("EMR 电子病历", "调用（请求/应答）", "待审批");
            browser.click("#subscriptions button[id^='approve-']");
            assertThat(browser.text("#notice")).contains("可以调用该服务");
            assertThat(browser.text("#subscriptions")).contains("在用");
            browser.screenshot("86-integration-service-subscribed");

            com.sun.net.httpserver.HttpServer partner = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            partner.createContext("/patient", exchange -> {
                exchange.getRequestBody().readAllBytes();
                byte[] answer = "{\"patientId\": \"P000123\", \"姓名\": \"王芳\", \"科室\": \"心内科\"}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            partner.start();
            try {
                Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
                assertThat(admin.put("/api/v1/integration/services/" + code, "{\"endpoint\": \"http://127.0.0.1:"
                        + partner.getAddress().getPort() + "/patient\"}").status()).isEqualTo(200);
                assertThat(admin.post("/api/v1/integration/services/" + code + "/call?system=EMR", "application/json",
                        "{\"patientId\": \"P000123\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).status())
                        .isEqualTo(200);
            } finally {
                partner.stop(0);
            }
            browser.go("/integration/registry/" + code);
            assertThat(browser.text("#service-calls")).contains("EMR 电子病历", "成功", "200", "心内科")
                    .doesNotContain("王芳", "P000123");
            browser.scrollTo("#service-calls").screenshot("87-integration-service-call-masked");

            browser.go("/integration/registry/" + code + "?lang=en");
            assertThat(browser.text("#service-card")).contains("Request/response service", "Endpoint");
        }
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        assertThat(admin.auditAdmin().get("/api/v1/audit?target=" + code + "&limit=20").body())
                .contains("integration.service.register", "integration.service.update");
    }
}
