package org.medops.integration.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medops.integration.Receiver;
import org.medops.settings.Settings;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The device log in the console: an interface's messages found by sample number, one message's bytes beside the
 * EMR's fields with the changed value marked and the patient masked, a failed message's pre-filled fault report
 * submitted to the ops desk; then the volume page's summary and charts.
 */
@MedopsTest
class DevicesBrowserIT {

    static final Receiver receiver = new Receiver();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    Settings settings;

    @AfterAll
    static void stop() {
        receiver.down();
    }

    @Test
    void readsADeviceMessageOpensATicketAndShowsTheVolumes() throws Exception {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Path root = Files.createTempDirectory("medops-devices");
        Path in = Files.createDirectories(root.resolve("in"));
        String code = "bdev-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(admin.put("/api/v1/integration/channels/" + code, """
                {"name": "血气分析仪", "source": {"type": "FILE", "directory": "%s", "pattern": "*.txt", "interval": "PT0.2S",
                  "after": "MOVE", "archive": "%s", "charset": "GBK", "dataType": "DELIMITED"},
                 "transformer": {"jsonata": "{'sample': rows[0].样本号, 'patient': rows[0].病历号, 'results': [rows.{'code': 项目, 'value': $number(结果)}]}"},
                 "destinations": [{"name": "emr", "type": "HTTP", "url": "%s"}]}"""
                .formatted(in, root.resolve("done"), receiver.url("/" + code))).status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/integration/devices/" + code, """
                {"deviceName": "血气分析仪", "maker": "雷度", "model": "ABL90", "system": "LIS",
                 "searchKeys": [{"name": "样本号", "path": "rows[0].样本号"}], "patientPaths": ["rows[0].病历号"],
                 "responsibilities": [{"failure": "DEVICE_DATA", "party": "DEVICE_MAKER"}]}""").status()).isEqualTo(201);
        Charset gbk = Charset.forName("GBK");
        String header = "样本号\t病历号\t项目\t结果\n";
        Files.write(in.resolve("a.txt"), (header + "BG-81\tP990011\tpH\t7.30\nBG-81\tP990011\tK\t4.2\n").getBytes(gbk));
        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.accepted("/" + code).size() == 1);
        Files.write(in.resolve("b.txt"), (header + "BG-82\tP990012\tpH\t7.3\textra\n").getBytes(gbk));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                admin.get("/api/v1/integration/devices/" + code + "/messages").json().get("rows").size() == 2);

        String vol = "bvol-" + UUID.randomUUID().toString().substring(0, 6);
        ZoneId zone = settings.current().zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        for (int d = 1; d <= 10; d++) {
            for (int h = 8; h < 18; h++) {
                jdbc.sql("""
                                insert into integration_statistics(channel_code, granularity, bucket, destination, received, errored)
                                values (:c, 'h', :b, '', :r, :e)""")
                        .param("c", vol).param("b", Timestamp.from(today.minusDays(d).atTime(h, 0).atZone(zone).toInstant()))
                        .param("r", 20 + d * 3 + h).param("e", h == 12 ? 2 : 0).update();
            }
        }

        try (Browser browser = Browser.open(port)) {
            browser.login("admin", MedopsTest.ADMIN_PASSWORD).waitForPath("/");
            browser.go("/integration/devices");
            assertThat(browser.text("#device-" + code)).contains("血气分析仪", "LIS", "设备数据无法处理 → 设备厂商");
            browser.screenshot("80-devices-list");

            browser.go("/integration/devices/" + code + "?q=BG-81");
            assertThat(browser.findAll("#device-messages tbody tr[data-id]")).hasSize(1);
            assertThat(browser.text("#device-messages")).contains("BG-81").doesNotContain("BG-82");
            browser.screenshot("81-device-search");
            assertThat(browser.findAll("#device-messages tbody tr[data-id] a"))
                    .as("the administrator finds the message, without a link to its content").isEmpty();
        }

        // One message is content (数据权): the system administrator's list links lead to a refusal; the engineer with
        // the data right reads it masked and drafts the fault report from it.
        admin.contentReader();
        try (Browser browser = Browser.open(port)) {
            browser.login(Api.CONTENT_FIXTURE, Api.FIXTURE_PASSWORD).waitForPath("/");
            browser.go("/integration/devices/" + code + "?q=BG-81");
            browser.click("#device-messages tbody tr[data-id] a");

            assertThat(browser.text("#device-masked")).isEqualTo("患者标识已脱敏");
            assertThat(browser.text("#device-hex")).contains("D1 F9");
            assertThat(browser.text("#device-raw")).contains("BG-81").doesNotContain("P990011");
            assertThat(browser.findAll(".device-diff tr[data-kind='CHANGED']")).isNotEmpty();
            assertThat(browser.text(".device-diff tr[data-kind='CHANGED']")).contains("rows[0].结果", "7.30", "results[0].value",
                    "7.3", "已变更");
            assertThat(browser.pageText()).doesNotContain("P990011");
            browser.screenshot("82-device-message-diff");

            browser.go("/integration/devices/" + code + "?q=BG-82");
            browser.click("#device-messages tbody tr[data-id] a");
            assertThat(browser.text("#device-responsible")).isEqualTo("责任方：设备厂商");
            assertThat(browser.pageText()).as("unparsed content is hidden, not half masked").doesNotContain("P990012");
            assertThat(browser.find("#ticket-title").getAttribute("value")).contains("血气分析仪", code);
            assertThat(browser.find("#ticket-phenomenon").getAttribute("value")).contains("设备厂商", "line 2 has 5 values");
            browser.scrollTo("#device-ticket-form").screenshot("83-device-ticket-prefill");
            browser.click("#device-ticket-submit").waitForPath("/opsdesk/tickets/");
            assertThat(browser.pageText()).contains("设备接口故障", "设备厂商");
            browser.screenshot("84-device-ticket-opened");

            browser.go("/integration/volumes?interval=day&channel=" + vol + "&from=" + today.minusDays(10) + "&to=" + today);
            assertThat(browser.text("#volumes-summary")).contains("共接收消息", vol);
            await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findAll("#volumes-chart canvas").isEmpty()
                    && !browser.findAll("#volumes-storage-chart canvas").isEmpty());
            assertThat(browser.text("#volumes-channels")).contains(vol);
            browser.screenshot("85-volumes");
            browser.go("/integration/volumes?interval=hour&channel=" + vol + "&from=" + today.minusDays(2) + "&to=" + today);
            await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findAll("#volumes-chart canvas").isEmpty());
            browser.screenshot("86-volumes-hourly");
        }

        // The bytes as the device sent them, to a reader holding the data right: a stray NUL, CR LF line ends and
        // a sequence GBK does not have (the export is refused), each marked in the dump.
        java.io.ByteArrayOutputStream bad = new java.io.ByteArrayOutputStream();
        bad.writeBytes("样本号\t病历号\t项目\t结果\r\n".getBytes(gbk));
        bad.writeBytes("BG-83\tP990013\tpH\t7.2".getBytes(gbk));
        bad.write(0x00);
        bad.writeBytes("\r\nBG-83\tP990013\tNa\t".getBytes(gbk));
        bad.write(0x81);
        bad.write(0x20);
        bad.writeBytes("140\r\n".getBytes(gbk));
        Files.write(in.resolve("c.txt"), bad.toByteArray());
        await().atMost(Duration.ofSeconds(15)).until(() ->
                admin.get("/api/v1/integration/devices/" + code + "/messages").json().get("rows").size() == 3);
        long refused = admin.get("/api/v1/integration/devices/" + code + "/messages").json().get("rows").get(0).get("id")
                .asLong();
        String role = "DEVICE_BYTES_" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        assertThat(admin.securityAdmin().post("/api/v1/roles", """
                {"code":"%s","name":"设备原始数据","permissions":["integration:read","integration:data"]}""".formatted(role))
                .status()).isEqualTo(201);
        String user = "devbb" + UUID.randomUUID().toString().substring(0, 4);
        admin.newUser(user, "设备数据", "Device#Bytes-2026", role);
        try (Browser browser = Browser.open(port)) {
            browser.login(user, "Device#Bytes-2026").waitForPath("/");
            browser.go("/integration/devices/" + code + "/messages/" + refused);
            assertThat(browser.find("#device-bytes-origin").getAttribute("data-origin")).isEqualTo("RECEIVED");
            assertThat(browser.text("#device-bytes-origin")).isEqualTo("设备发送的原样字节");
            assertThat(browser.text("#device-bytes-undecodable")).contains("不是有效的 GBK 编码");
            assertThat(browser.text("#device-bytes-controls")).contains("1 个控制字符");
            assertThat(browser.text("#device-bytes-line-ends")).contains("CR LF 3 个");
            assertThat(browser.findAll("#device-hex .byte-UNDECODABLE")).isNotEmpty();
            assertThat(browser.text("#device-hex .byte-CONTROL")).isEqualTo("00");
            browser.screenshot("87-device-bytes-as-received");
        }
    }
}
