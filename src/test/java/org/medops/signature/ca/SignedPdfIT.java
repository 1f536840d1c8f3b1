package org.medops.signature.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.inspection.RoundFixture;
import org.medops.shared.Secrets;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The information department signs an inspection report through the real sign-off: the report's PDF then carries
 * the signer's SM2 signature from the MedOps CA, which the verify endpoint confirms by upload and by document id. One
 * flipped byte is reported as changed, and a signature by a certificate from elsewhere as untrusted; all audited.
 */
@MedopsTest
class SignedPdfIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Secrets secrets;

    static final List<Path> FONTS = List.of(Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallback.ttf"));

    long doneRound(String suffix) {
        RoundFixture fixture = new RoundFixture(jdbc);
        String host = "pacs-" + suffix;
        fixture.target(host, "PACS 影像服务器 " + suffix);
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long id = fixture.round("QUARTERLY", "MANUAL", null, at, false);
        fixture.item(id, host, "PARTITION_USAGE", "FAIL", "/data 97%", "< 95%", "$ df -h", at);
        fixture.item(id, host, "SERVICES_UP", "PASS", "pacs: active", "active", "$ systemctl is-active pacs", at);
        return id;
    }

    @Test
    void aSignedInspectionReportVerifiesAndAnyChangeIsReported() throws Exception {
        assumeTrue(FONTS.stream().anyMatch(Files::isReadable),
                "SKIPPING SIGNED PDF: no CJK TrueType font for the report's PDF; apt-get install fonts-droid-fallback");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String account = "esign" + suffix;
        Api reviewer = admin.newUser(account, "信息科 王芳", "Info#Sign-2026", "HOSPITAL_REVIEWER");
        Api staff = admin.newUser("staff" + suffix, "门诊 护士", "Staff#Pass-2026", "HOSPITAL_STAFF");
        long round = doneRound(suffix);

        Api.Response signOff = reviewer.post("/api/v1/inspection/rounds/" + round + "/report/sign", """
                {"name": "王芳", "statement": "已核对，同意。"}""");
        assertThat(signOff.status()).as(signOff.body()).isEqualTo(200);

        Api.Download download = reviewer.download("/api/v1/inspection/rounds/" + round + "/report.pdf");
        assertThat(download.status()).isEqualTo(200);
        byte[] pdf = download.body();
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("/ByteRange").contains("/adbe.pkcs7.detached").contains("/Sig");
        assertThat(reviewer.download("/api/v1/inspection/rounds/" + round + "/report.pdf").body())
                .as("the signed PDF is kept, not rendered again").isEqualTo(pdf);

        JsonNode uploaded = reviewer.upload("/api/v1/signatures/verify", "report.pdf", pdf).json();
        assertThat(uploaded.get("status").asString()).as(uploaded.toString()).isEqualTo("valid");
        JsonNode check = uploaded.get("signatures").get(0);
        assertThat(check.get("name").asString()).isEqualTo("王芳");
        assertThat(check.get("signerCommonName").asString()).isEqualTo("王芳");
        assertThat(check.get("signerAccount").asString()).isEqualTo(account);
        assertThat(check.get("certificateIssuer").asString()).isEqualTo("MedOps CA");
        assertThat(check.get("algorithm").asString()).isEqualTo("SM3withSM2");
        assertThat(check.get("trusted").asBoolean()).isTrue();
        assertThat(check.get("intact").asBoolean()).isTrue();
        assertThat(check.get("reason").asString()).isEqualTo("已核对，同意。");
        String serial = check.get("certificateSerial").asString();

        long documentId = jdbc.sql("select id from signature_documents where document_type = 'inspection-report' "
                + "and document_ref = :ref").param("ref", String.valueOf(round)).query(Long.class).single();
        JsonNode byId = reviewer.get("/api/v1/signatures/verify?document=" + documentId).json();
        assertThat(byId.get("status").asString()).isEqualTo("valid");
        assertThat(byId.get("document").get("signer").asString()).isEqualTo(account);
        assertThat(byId.get("document").get("certificateSerial").asString()).isEqualTo(serial);

        byte[] changed = pdf.clone();
        int at = raw.indexOf("stream", 200) + 20; // a byte of the report's first content stream
        changed[at] ^= 0x01;
        JsonNode tampered = reviewer.upload("/api/v1/signatures/verify", "report.pdf", changed).json();
        assertThat(tampered.get("status").asString()).as(tampered.toString()).isEqualTo("changed");
        assertThat(tampered.get("signatures").get(0).get("intact").asBoolean()).isFalse();

        Sm2.Credential elsewhere = PdfSignaturesTest.authority("Elsewhere CA");
        Sm2.Credential impostor = PdfSignaturesTest.signer(elsewhere, "王芳", account);
        byte[] foreign = PdfSignatures.sign(PdfSignaturesTest.blankPdf(), "王芳", null, Instant.now(), impostor,
                elsewhere.certificate());
        JsonNode unknown = reviewer.upload("/api/v1/signatures/verify", "foreign.pdf", foreign).json();
        assertThat(unknown.get("status").asString()).isEqualTo("untrusted");
        assertThat(unknown.get("signatures").get(0).get("trusted").asBoolean()).isFalse();

        Api.Response notPdf = reviewer.upload("/api/v1/signatures/verify", "notes.pdf", "hello".getBytes());
        assertThat(notPdf.status()).isEqualTo(400);
        assertThat(notPdf.body()).contains("signature-file-not-pdf");
        assertThat(reviewer.get("/api/v1/signatures/verify?document=999999999").status()).isEqualTo(404);
        assertThat(staff.upload("/api/v1/signatures/verify", "report.pdf", pdf).status()).isEqualTo(403);

        String sealedKey = jdbc.sql("select sealed_private_key from signature_signers where username = :u")
                .param("u", account).query(String.class).single();
        String pkcs8 = secrets.open(sealedKey);
        assertThat(pkcs8).startsWith("MI");
        assertThat(sealedKey).doesNotContain(pkcs8.substring(0, 40));
        assertThat(reviewer.get("/api/v1/signatures/documents").body()).doesNotContain(pkcs8.substring(0, 40))
                .contains(serial);

        List<String> trail = jdbc.sql("""
                        select action || ' ' || outcome || ' ' || target_id || ' ' || coalesce(details, '')
                        from audit_records where action like 'signature.%' and (target_id in (:ids)) order by seq""")
                .param("ids", List.of(account, String.valueOf(round), String.valueOf(documentId), "report.pdf",
                        "foreign.pdf")).query(String.class).list();
        assertThat(trail).anySatisfy(l -> assertThat(l).startsWith("signature.key.issue SUCCESS " + account).contains(serial));
        assertThat(trail).anySatisfy(l -> assertThat(l).startsWith("signature.document.sign SUCCESS " + round));
        assertThat(trail).anySatisfy(l -> assertThat(l).startsWith("signature.verify SUCCESS " + documentId));
        assertThat(trail).anySatisfy(l -> assertThat(l).startsWith("signature.verify FAILURE report.pdf")
                .contains("signatureResult=changed"));
        assertThat(trail).anySatisfy(l -> assertThat(l).startsWith("signature.verify FAILURE foreign.pdf")
                .contains("signatureResult=untrusted"));
    }

    @Test
    void theHospitalsRepairConfirmationIsSignedInItsPdf() {
        assumeTrue(FONTS.stream().anyMatch(Files::isReadable),
                "SKIPPING SIGNED PDF: no CJK TrueType font for the confirmation sheet; apt-get install fonts-droid-fallback");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api reporter = admin.newUser("ward" + suffix, "门诊护士 刘芳", "Nurse#Desk-2026", "HOSPITAL_REVIEWER");
        Api engineer = admin.newUser("fixer" + suffix, "工程师 张伟", "Eng#Desk-2026x", "OPS_ENGINEER");
        String account = "confirm" + suffix;
        Api owner = admin.newUser(account, "门诊部主任 王强", "Owner#Desk-2026", "HOSPITAL_REVIEWER");
        Api.Response created = reporter.post("/api/v1/opsdesk/tickets", """
                {"title":"自助机打印失败 %s","phenomenon":"门诊自助机无法打印发票","occurredAt":"%s",
                 "impactScope":"门诊大厅 3 台自助机","systems":["GATEWAY"],"category":"NETWORK","reporter":"刘芳",
                 "contact":"分机 8123","source":"PHONE","priority":"LOW"}""".formatted(suffix, Instant.now().minusSeconds(600)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String number = created.json().get("number").asString();
        for (String step : List.of("accept:{}", "start:{\"mode\":\"REMOTE\"}", "fix:{\"summary\":\"更换打印机驱动\"}")) {
            String[] parts = step.split(":", 2);
            Api.Response done = engineer.post("/api/v1/opsdesk/tickets/" + id + "/" + parts[0], parts[1]);
            assertThat(done.status()).as(done.body()).isEqualTo(200);
        }
        Api.Response confirmed = owner.post("/api/v1/opsdesk/tickets/" + id + "/confirm",
                "{\"name\":\"王强\",\"statement\":\"打印已恢复，确认修复。\"}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);

        byte[] sheet = owner.download("/api/v1/opsdesk/tickets/" + id + "/confirmation.pdf").body();
        JsonNode verified = owner.upload("/api/v1/signatures/verify", "confirmation.pdf", sheet).json();
        assertThat(verified.get("status").asString()).as(verified.toString()).isEqualTo("valid");
        assertThat(verified.get("signatures").get(0).get("signerAccount").asString()).isEqualTo(account);
        assertThat(verified.get("signatures").get(0).get("name").asString()).isEqualTo("王强");
        assertThat(jdbc.sql("select signer from signature_documents where document_type = 'repair-confirmation' "
                + "and document_ref = :ref").param("ref", number + "#1").query(String.class).single()).isEqualTo(account);
    }
}
