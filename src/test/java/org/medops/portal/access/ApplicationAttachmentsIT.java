package org.medops.portal.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Attachments of access applications over real HTTP: the applying channel's developer and staff add them
 * while the application is submitted, reviewers and that channel read them, another channel finds nothing.
 */
@MedopsTest
class ApplicationAttachmentsIT {

    static final String PASSWORD = "Dev#Attach-2026x";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, (byte) 0xC4, (byte) 0x89};
    static final byte[] LOG = "2026-11-22 09:00:01 INFO 调用 /lis/reports/P001 返回 200\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private record Setup(String service, String channelA, Api admin, Api developerA, Api developerB, Api reviewer,
                         String developerALogin, String reviewerLogin) {
    }

    private Setup setup() {
        String s = UUID.randomUUID().toString().substring(0, 5);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String service = "att-" + s;
        admin.post("/api/v1/services", "{\"code\":\"" + service + "\",\"name\":\"LIS 检验报告\",\"upstreamUrl\":\"http://127.0.0.1:9\"}");
        assertThat(admin.put("/api/v1/services/" + service + "/docs", "{\"published\":true,\"summary\":\"检验报告\"}")
                .status()).isEqualTo(200);
        admin.post("/api/v1/channels", "{\"code\":\"fa-" + s + "\",\"name\":\"渠道A\"}");
        admin.post("/api/v1/channels", "{\"code\":\"fb-" + s + "\",\"name\":\"渠道B\"}");
        Api reviewer = admin.newUser("ar" + s, "信息科审核人", "Review#Desk-2026", "HOSPITAL_REVIEWER");
        return new Setup(service, "fa-" + s, admin, developer(admin, "fa-" + s, "fa" + s),
                developer(admin, "fb-" + s, "fb" + s), reviewer, "fa" + s, "ar" + s);
    }

    private Api developer(Api admin, String channel, String username) {
        Api.Response invited = admin.post("/api/v1/channels/" + channel + "/developers",
                "{\"username\":\"" + username + "\",\"displayName\":\"开发者 " + username + "\"}");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String temporary = invited.json().get("temporaryPassword").asString();
        new Api(port).as(username, temporary).post("/api/v1/account/password",
                "{\"currentPassword\":\"" + temporary + "\",\"newPassword\":\"" + PASSWORD + "\"}");
        return new Api(port).as(username, PASSWORD);
    }

    private long apply(Setup s) {
        Api.Response applied = s.developerA().post("/api/v1/portal/applications",
                "{\"serviceCode\":\"" + s.service() + "\",\"purpose\":\"在 App 展示检验报告\"}");
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        return applied.json().get("id").asLong();
    }

    @Test
    void theApplyingChannelAttachesReviewersDownloadAndOtherChannelsFindNothing() {
        Setup s = setup();
        long id = apply(s);
        String mine = "/api/v1/portal/applications/" + id + "/attachments";

        Api.Response png = s.developerA().upload(mine, "数据流向图.png", PNG);
        assertThat(png.status()).as(png.body()).isEqualTo(201);
        assertThat(png.json().get("contentType").asString()).isEqualTo("image/png");
        long pngId = png.json().get("id").asLong();
        Api.Response log = s.developerA().upload(mine, "gateway.log", LOG);
        assertThat(log.status()).as(log.body()).isEqualTo(201);

        Api.Response disguised = s.developerA().upload(mine, "screenshot.png", EXE);
        assertThat(disguised.status()).isEqualTo(400);
        assertThat(disguised.json().get("code").asString()).isEqualTo("application-attachment-type");
        assertThat(disguised.body()).as("translated").contains("不被接受");
        JsonNode listed = s.developerA().get(mine).json();
        assertThat(listed.size()).as("the refused file was not stored").isEqualTo(2);
        assertThat(listed.get(0).get("filename").asString()).isEqualTo("数据流向图.png");

        Api.Download downloaded = s.reviewer().download("/api/v1/access-applications/" + id + "/attachments/" + pngId);
        assertThat(downloaded.status()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(PNG);
        assertThat(downloaded.contentType()).isEqualTo("image/png");
        assertThat(downloaded.header("Content-Disposition")).startsWith("attachment");
        assertThat(downloaded.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(s.developerA().download(mine + "/" + pngId).body()).isEqualTo(PNG);

        assertThat(s.developerB().download(mine + "/" + pngId).status()).as("another channel: not found").isEqualTo(404);
        assertThat(s.developerB().get(mine).status()).isEqualTo(404);
        Api.Response foreignUpload = s.developerB().upload(mine, "mine.log", LOG);
        assertThat(foreignUpload.status()).isEqualTo(404);
        assertThat(foreignUpload.body()).doesNotContain(s.channelA());
        assertThat(s.developerA().download("/api/v1/access-applications/" + id + "/attachments/" + pngId).status())
                .as("developers have no reviewer view").isEqualTo(403);

        assertThat(s.admin().upload("/api/v1/access-applications/" + id + "/attachments", "安全承诺书.txt",
                "我方承诺仅用于展示检验报告。".getBytes(StandardCharsets.UTF_8)).status()).as("staff may add files").isEqualTo(201);
        assertThat(s.developerA().upload(mine, "more.log", LOG).status()).isEqualTo(201);
        assertThat(s.developerA().upload(mine, "fifth.json", "{\"ok\":true}".getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(201);
        Api.Response sixth = s.developerA().upload(mine, "too-many.log", LOG);
        assertThat(sixth.status()).isEqualTo(409);
        assertThat(sixth.json().get("code").asString()).isEqualTo("application-attachments-full");

        assertThat(s.reviewer().post("/api/v1/access-applications/" + id + "/approve", "{}").json().get("status")
                .asString()).isEqualTo("APPROVED");
        Api.Response late = s.admin().upload("/api/v1/access-applications/" + id + "/attachments", "late.log", LOG);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asString()).isEqualTo("application-state");

        assertThat(jdbc.sql("""
                        select actor from audit_records where action = 'access.attach' and target_type = 'access-application'
                        and target_id = ? order by seq""").param(Long.toString(id)).query(String.class).list())
                .containsExactly(s.developerALogin(), s.developerALogin(), "admin", s.developerALogin(), s.developerALogin());
    }

    @Test
    void aFileOverFiveMegabytesAndAnApplicationBeyondReviewAreRefused() {
        Setup s = setup();
        long id = apply(s);
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        Api.Response tooLarge = s.developerA().upload("/api/v1/portal/applications/" + id + "/attachments", "big.log", big);
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json().get("code").asString()).isEqualTo("application-attachment-too-large");
        s.reviewer().post("/api/v1/access-applications/" + id + "/reject", "{\"reason\":\"用途不明确\"}");
        Api.Response refused = s.developerA().upload("/api/v1/portal/applications/" + id + "/attachments", "a.png", PNG);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("application-state");
    }

    @Test
    void aDeveloperAttachesOnThePortalAndTheReviewerSeesTheFilesInTheQueue() throws IOException {
        Setup s = setup();
        Path dir = Files.createDirectories(Path.of("target", "attachments-it"));
        Path diagram = Files.write(dir.resolve("data-flow.png"), PNG);
        Path statement = Files.write(dir.resolve("security-statement.txt"),
                "我方承诺仅在掌上医院 App 中展示检验报告。".getBytes(StandardCharsets.UTF_8));
        Path disguised = Files.write(dir.resolve("setup.png"), EXE);
        try (Browser browser = Browser.open(port)) {
            browser.login(s.developerALogin(), PASSWORD).waitForPath("/portal");
            browser.go("/portal/applications?service=" + s.service()).type("#purpose", "掌上医院 App 展示检验报告");
            browser.find("#portal-apply-files").sendKeys(diagram.toAbsolutePath().toString());
            browser.click("#portal-apply");
            assertThat(browser.text("#notice")).contains("已提交");
            long id = s.developerA().get("/api/v1/portal/applications").json().get(0).get("id").asLong();
            assertThat(browser.text("#attachments-" + id)).as("applied with a file in one step").contains("data-flow.png");

            browser.find("#attach-file-" + id).sendKeys(disguised.toAbsolutePath().toString());
            browser.click("#attach-" + id);
            assertThat(browser.text("#problem")).contains("setup.png").contains("不被接受");
            browser.find("#attach-file-" + id).sendKeys(statement.toAbsolutePath().toString());
            browser.click("#attach-" + id);
            assertThat(browser.text("#notice")).contains("附件已上传");
            assertThat(browser.text("#attachments-" + id)).contains("data-flow.png").contains("security-statement.txt")
                    .doesNotContain("setup.png");
            browser.screenshot("74-portal-application-attachment").click("#logout");

            browser.login(s.reviewerLogin(), "Review#Desk-2026").go("/access/applications?status=SUBMITTED");
            assertThat(browser.text("#attachments-" + id)).contains("data-flow.png").contains("security-statement.txt");
            String link = browser.find("#attachments-" + id + " a").getAttribute("href");
            assertThat(link).contains("/api/v1/access-applications/" + id + "/attachments/");
            browser.scrollTo("#attachments-" + id).screenshot("75-application-attachment");
            assertThat(s.reviewer().download(link.substring(link.indexOf("/api/"))).body()).isEqualTo(PNG);
        }
    }
}
