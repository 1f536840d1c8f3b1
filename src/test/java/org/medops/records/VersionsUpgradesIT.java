package org.medops.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.medops.testing.Problems.problem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An upgrade from its assessment to the version register over real HTTP: the change it runs as cannot be authorized
 * until the hospital agreed to both documents (one sent back and revised first); the successful change registers
 * the target version as the system's; a rolled-back one leaves the register; the archive sources list the documents.
 */
@MedopsTest
public class VersionsUpgradesIT {

    static final String PASSWORD = "Records#Ver-2026";
    static final String CHANGES = "/api/v1/opsdesk/changes";
    static final String UPGRADES = "/api/v1/records/upgrades";
    static final String VERSIONS = "/api/v1/records/versions";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<ArchiveSource> sources;

    Api engineer;
    Api reviewer;
    String engineerName;
    String reviewerName;
    String suffix;

    @BeforeEach
    void people() {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        suffix = UUID.randomUUID().toString().substring(0, 6);
        engineerName = "ver-eng" + suffix;
        reviewerName = "ver-rev" + suffix;
        engineer = admin.newUser(engineerName, "厂商工程师 王磊", PASSWORD, "OPS_ENGINEER");
        reviewer = admin.newUser(reviewerName, "信息科 陈刚", PASSWORD, "HOSPITAL_REVIEWER");
    }

    @Test
    void anUpgradeIsAuthorizedOnlyAfterBothDocumentsAreAgreedAndItsSuccessRegistersTheVersion() {
        Instant begin = Instant.now().minusSeconds(1);
        String base = "6.1." + suffix;
        String target = "6.2." + suffix;
        JsonNode registered = created(engineer.post(VERSIONS, version("CIS", base, LocalDate.now(SHANGHAI).minusDays(400))));
        long baseId = registered.get("id").asLong();
        problem(engineer.post(VERSIONS, version("CIS", base, LocalDate.now(SHANGHAI))), 409, "version-exists");
        problem(engineer.post(VERSIONS, version("CIS", "9." + suffix, LocalDate.now(SHANGHAI).plusDays(2))), 400,
                "version-installed-in-future");
        assertThat(reviewer.post(VERSIONS, version("CIS", "8." + suffix, LocalDate.now(SHANGHAI))).status())
                .as("registering is the vendor's").isEqualTo(403);

        // The version's manual: kept with its checksum, downloaded as uploaded; a renamed binary is refused.
        byte[] manual = "%PDF-1.4\n用户手册 CIS 6.1\n%%EOF".getBytes(StandardCharsets.UTF_8);
        Api.Response uploaded = engineer.upload(VERSIONS + "/" + baseId + "/documents?kind=USER_MANUAL", "CIS用户手册.pdf",
                manual);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        long manualId = uploaded.json().get("id").asLong();
        assertThat(uploaded.json().get("sha256").asString()).hasSize(64);
        Api.Download download = reviewer.download(VERSIONS + "/" + baseId + "/documents/" + manualId);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(manual);
        assertThat(download.header("X-Checksum-SHA256")).isEqualTo(uploaded.json().get("sha256").asString());
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
        problem(engineer.upload(VERSIONS + "/" + baseId + "/documents?kind=USER_MANUAL", "setup.pdf",
                new byte[] {'M', 'Z', 0, 1, 2}), 400, "version-document-type");
        problem(engineer.upload(VERSIONS + "/" + baseId + "/documents", "notes.txt",
                "说明".getBytes(StandardCharsets.UTF_8)), 400, "version-document-kind-required");

        JsonNode cis = engineer.get(VERSIONS + "/systems/CIS").json();
        assertThat(cis.get("current").get("version").asString()).isEqualTo(base);
        assertThat(cis.get("cadence").asString()).as("400 days without a new version").isEqualTo("OVERDUE");

        // The change the upgrade runs as: a test-environment change about to begin.
        Instant soon = Instant.now().plusSeconds(20);
        long changeId = created(engineer.post(CHANGES, change("CIS " + target + " 升级", "CIS", soon,
                soon.plusSeconds(600)))).get("id").asLong();
        problem(engineer.post(UPGRADES, upgrade(changeId, target).replace("\"reason\":\"修复", "\"reason\":\" \",\"x\":\"")),
                400, null);
        JsonNode drafted = created(engineer.post(UPGRADES, upgrade(changeId, target)));
        long id = drafted.get("id").asLong();
        assertThat(drafted.get("status").asString()).isEqualTo("PREPARING");
        assertThat(drafted.get("fromVersion").asString()).isEqualTo(base);
        assertThat(drafted.get("assessment").get("state").asString()).isEqualTo("PENDING");
        problem(engineer.post(UPGRADES, upgrade(changeId, target + "b")), 409, "upgrade-change-taken");
        assertThat(engineer.get(VERSIONS + "/systems/CIS").json().get("pendingTarget").asString()).isEqualTo(target);

        String authorize = CHANGES + "/" + changeId + "/authorize";
        String signed = "{\"signerName\":\"陈刚\",\"statement\":\"同意按方案升级\"}";
        Api.Response early = reviewer.post(authorize, signed);
        problem(early, 409, "upgrade-not-agreed");
        assertThat(early.json().get("detail").asString()).contains("#" + id);

        assertThat(engineer.post(UPGRADES + "/" + id + "/assessment/agree", "{}").status())
                .as("agreeing is the hospital's").isEqualTo(403);
        JsonNode agreed = ok(reviewer.post(UPGRADES + "/" + id + "/assessment/agree", "{\"signerName\":\"信息科 陈刚\"}"));
        assertThat(agreed.get("assessment").get("state").asString()).isEqualTo("AGREED");
        assertThat(agreed.get("assessment").get("agreedBy").asString()).isEqualTo("信息科 陈刚");
        problem(reviewer.post(UPGRADES + "/" + id + "/plan/send-back", "{\"reason\":\"\"}"), 400, "reason-required");
        JsonNode sentBack = ok(reviewer.post(UPGRADES + "/" + id + "/plan/send-back",
                "{\"reason\":\"回退方案缺少数据库恢复时长\"}"));
        assertThat(sentBack.get("plan").get("state").asString()).isEqualTo("SENT_BACK");
        assertThat(sentBack.get("plan").get("sentBackReason").asString()).contains("恢复时长");
        problem(reviewer.post(authorize, signed), 409, "upgrade-not-agreed");
        problem(reviewer.post(UPGRADES + "/" + id + "/plan/agree", "{}"), 409, "upgrade-document-not-pending");

        problem(engineer.send("PUT", UPGRADES + "/" + id + "/assessment",
                "{\"reason\":\"改\",\"risks\":\"改\",\"impact\":\"改\"}", "application/json"), 409, "upgrade-document-agreed");
        JsonNode revised = ok(engineer.put(UPGRADES + "/" + id + "/plan", """
                {"steps":"1. 备份数据库\\n2. 部署 %s","rollback":"恢复备份（约 20 分钟）并回滚程序",
                 "tests":"门诊挂号、医嘱、收费回归","window":"周六 22:00–02:00"}""".formatted(target)));
        assertThat(revised.get("plan").get("revision").asInt()).isEqualTo(2);
        assertThat(revised.get("plan").get("state").asString()).isEqualTo("PENDING");
        JsonNode both = ok(reviewer.post(UPGRADES + "/" + id + "/plan/agree", "{}"));
        assertThat(both.get("status").asString()).isEqualTo("AGREED");
        assertThat(both.get("plan").get("agreedBy").asString()).isEqualTo(reviewerName);

        // Agreed: the change may now be authorized, carried out and finished.
        assertThat(ok(reviewer.post(authorize, signed)).get("status").asString()).isEqualTo("AUTHORIZED");
        problem(engineer.post(UPGRADES, upgrade(changeId, target + "c")), 409, "upgrade-change-taken");
        ok(engineer.post(CHANGES + "/" + changeId + "/start", "{\"startedAt\":\"%s\"}".formatted(soon.plusSeconds(1))));
        ok(engineer.post(CHANGES + "/" + changeId + "/finish",
                "{\"result\":\"SUCCESS\",\"finishedAt\":\"%s\"}".formatted(soon.plusSeconds(11))));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                engineer.get(UPGRADES + "/" + id).json().get("status").asString()).isEqualTo("INSTALLED"));
        JsonNode after = engineer.get(VERSIONS + "/systems/CIS").json();
        assertThat(after.get("current").get("version").asString()).isEqualTo(target);
        assertThat(after.get("current").get("changeId").asLong()).isEqualTo(changeId);
        assertThat(after.get("current").get("upgradeId").asLong()).isEqualTo(id);
        assertThat(after.get("current").get("installedBy").asString()).isEqualTo(engineerName);
        assertThat(after.get("current").get("installedOn").asString())
                .isEqualTo(LocalDate.ofInstant(soon.plusSeconds(11), SHANGHAI).toString());
        assertThat(after.get("cadence").asString()).isEqualTo("ON_TRACK");
        assertThat(after.get("onLatest").asBoolean()).isTrue();
        assertThat(versions(after)).containsSubsequence(target, base);
        assertThat(engineer.get(VERSIONS + "?system=CIS&size=200").json().get("rows").findValuesAsString("version"))
                .contains(target, base);

        List<String> trail = jdbc.sql("""
                        select action from audit_records where target_type = 'records-upgrade' and target_id = ?
                        order by seq""").param(Long.toString(id)).query(String.class).list();
        assertThat(trail).containsExactly("records.upgrade.draft", "records.upgrade.agree-assessment",
                "records.upgrade.send-back-plan", "records.upgrade.revise-plan", "records.upgrade.agree-plan",
                "records.upgrade.conclude");
        assertThat(engineer.get(UPGRADES + "/" + id).json().get("history").findValuesAsString("decision"))
                .containsExactly("SUBMITTED", "SUBMITTED", "AGREED", "SENT_BACK", "REVISED", "AGREED");

        // The archive sources list the upgrade's two documents (the plan in its second revision) and the manual.
        List<ArchiveSource.Document> documents = sources.stream()
                .flatMap(s -> s.documents(begin, Instant.now().plusSeconds(120)).stream()).toList();
        ArchiveSource.Document assessment = one(documents, "upgrade:" + id + ":assessment");
        assertThat(assessment.type()).isEqualTo("ASSESSMENT_REPORT");
        assertThat(assessment.system()).isEqualTo("CIS");
        assertThat(assessment.signedBy()).isEqualTo("信息科 陈刚");
        assertThat(assessment.version()).isEqualTo("r1");
        assertThat(assessment.fileName()).endsWith(".pdf");
        assertThat(PdfText.of(assessment.content())).contains("升级原因", "修复医嘱");
        ArchiveSource.Document plan = one(documents, "upgrade:" + id + ":plan");
        assertThat(plan.version()).isEqualTo("r2");
        assertThat(plan.signedBy()).isEqualTo(reviewerName);
        assertThat(PdfText.of(plan.content())).contains("约 20 分钟");
        ArchiveSource.Document manualDoc = one(documents, "version-document:" + manualId);
        assertThat(manualDoc.type()).isEqualTo("USER_MANUAL");
        assertThat(manualDoc.content()).isEqualTo(manual);
        assertThat(manualDoc.version()).isEqualTo(base);
        assertThat(sources.stream().flatMap(s -> s.documents(begin.minusSeconds(86_400), begin).stream())
                .map(ArchiveSource.Document::sourceKey)).as("nothing of this test before it began")
                .doesNotContain("upgrade:" + id + ":assessment", "version-document:" + manualId);
    }

    @Test
    void aRolledBackUpgradeLeavesTheRegisterAndAnAuthorizedChangeTakesNoUpgrade() {
        String base = "3.0." + suffix;
        String target = "3.1." + suffix;
        created(engineer.post(VERSIONS, version("YB", base, LocalDate.now(SHANGHAI).minusDays(30))));
        Instant soon = Instant.now().plusSeconds(20);
        long changeId = created(engineer.post(CHANGES, change("医保接口 " + target, "YB", soon, soon.plusSeconds(600))))
                .get("id").asLong();
        long id = created(engineer.post(UPGRADES, upgrade(changeId, target))).get("id").asLong();
        problem(engineer.post(UPGRADES, upgrade(changeId + 999_999, target)), 404, "not-found");
        ok(reviewer.post(UPGRADES + "/" + id + "/assessment/agree", "{}"));
        ok(reviewer.post(UPGRADES + "/" + id + "/plan/agree", "{}"));
        ok(reviewer.post(CHANGES + "/" + changeId + "/authorize", "{\"signerName\":\"陈刚\",\"statement\":\"同意\"}"));
        ok(engineer.post(CHANGES + "/" + changeId + "/start", "{\"startedAt\":\"%s\"}".formatted(soon.plusSeconds(1))));
        ok(engineer.post(CHANGES + "/" + changeId + "/finish",
                "{\"result\":\"ROLLED_BACK\",\"notes\":\"接口联调失败，已回退\",\"finishedAt\":\"%s\"}"
                        .formatted(soon.plusSeconds(11))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                engineer.get(UPGRADES + "/" + id).json().get("status").asString()).isEqualTo("NOT_INSTALLED"));
        JsonNode yb = engineer.get(VERSIONS + "/systems/YB").json();
        assertThat(yb.get("current").get("version").asString()).isEqualTo(base);
        assertThat(versions(yb)).doesNotContain(target);

        // A change already authorized is past the point where the hospital agrees to documents.
        Instant later = Instant.now().plusSeconds(30);
        long other = created(engineer.post(CHANGES, change("医保接口参数", "YB", later.plusSeconds(700),
                later.plusSeconds(900)))).get("id").asLong();
        ok(reviewer.post(CHANGES + "/" + other + "/authorize", "{\"signerName\":\"陈刚\",\"statement\":\"同意\"}"));
        problem(engineer.post(UPGRADES, upgrade(other, target + ".1")), 409, "upgrade-change-not-requested");
        assertThat(engineer.get(UPGRADES + "?system=YB&status=NOT_INSTALLED&size=200").json().get("rows")
                .findValuesAsString("targetVersion")).contains(target);
    }

    static List<String> versions(JsonNode system) {
        List<String> versions = new java.util.ArrayList<>();
        system.get("history").forEach(entry -> versions.add(entry.get("version").get("version").asString()));
        return versions;
    }

    static ArchiveSource.Document one(List<ArchiveSource.Document> documents, String key) {
        List<ArchiveSource.Document> found = documents.stream().filter(d -> d.sourceKey().equals(key)).toList();
        assertThat(found).as(key).hasSize(1);
        return found.get(0);
    }

    static JsonNode created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static String version(String system, String version, LocalDate on) {
        return """
                {"systemCode":"%s","version":"%s","installedOn":"%s","installedBy":"厂商工程师 王磊",
                 "releaseNotes":"首次登记"}""".formatted(system, version, on);
    }

    static String change(String title, String system, Instant start, Instant end) {
        return """
                {"title":"%s","systemCode":"%s","environment":"TEST","risk":"MEDIUM",
                 "plan":"按升级方案执行","rollbackPlan":"恢复备份","plannedStart":"%s","plannedEnd":"%s"}"""
                .formatted(title, system, start, end);
    }

    static String upgrade(long changeId, String target) {
        return """
                {"changeId":%d,"targetVersion":"%s",
                 "assessment":{"reason":"修复医嘱打印缺陷，满足新版医保结算要求","risks":"升级期间门诊暂停 30 分钟",
                   "impact":"门诊、住院医生站"},
                 "plan":{"steps":"1. 备份数据库\\n2. 部署新版本","rollback":"恢复备份","tests":"门诊挂号、医嘱回归",
                   "window":"周六 22:00–02:00"}}""".formatted(changeId, target);
    }
}
