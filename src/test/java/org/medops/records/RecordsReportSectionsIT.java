package org.medops.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The service report quotes delivery records, in quarter 2011-Q2 (no other test records anything then): the version
 * installed in the quarter and each system against "a new version a year" as of the quarter's last day, and the
 * drills held with their findings and recovery time against the plan's objective.
 */
@MedopsTest
class RecordsReportSectionsIT {

    static final String PASSWORD = "Records#Rpt-2026";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theQuarterlyReportCarriesTheVersionsInstalledTheCadenceAndTheDrills() {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api engineer = admin.newUser("rrs-eng" + suffix, "厂商工程师 周宁", PASSWORD, "OPS_ENGINEER");
        Api reviewer = admin.newUser("rrs-rev" + suffix, "信息科 吴静", PASSWORD, "HOSPITAL_REVIEWER");
        String old = "2010." + suffix;
        String fresh = "2011." + suffix;
        VersionsUpgradesIT.created(engineer.post(VersionsUpgradesIT.VERSIONS,
                VersionsUpgradesIT.version("PACS", old, LocalDate.of(2010, 3, 1))));
        VersionsUpgradesIT.created(engineer.post(VersionsUpgradesIT.VERSIONS,
                VersionsUpgradesIT.version("LIS", fresh, LocalDate.of(2011, 5, 20))));
        String released = "2011-rel." + suffix;
        VersionsUpgradesIT.created(engineer.post(VersionsUpgradesIT.VERSIONS + "/releases", """
                {"systemCode":"PACS","version":"%s","releasedOn":"2011-04-01","notes":"影像压缩优化"}""".formatted(released)));
        assertThat(engineer.post(VersionsUpgradesIT.VERSIONS + "/releases", """
                {"systemCode":"PACS","version":"%s","releasedOn":"2011-04-02"}""".formatted(released)).status())
                .isEqualTo(409);
        assertThat(reviewer.post(VersionsUpgradesIT.VERSIONS + "/releases", """
                {"systemCode":"PACS","version":"x%s","releasedOn":"2011-04-02"}""".formatted(suffix)).status())
                .as("releases are the vendor's to register").isEqualTo(403);
        long plan = VersionsUpgradesIT.created(engineer.post(EmergencyPlansIT.PLANS,
                EmergencyPlansIT.plan("PACS 停机应急预案 " + suffix, "HIS_OUTAGE", "PACS"))).get("id").asLong();
        VersionsUpgradesIT.created(engineer.post(EmergencyPlansIT.PLANS + "/" + plan + "/drills",
                EmergencyPlansIT.drill(LocalDate.of(2011, 6, 8), 40)));

        JsonNode sections = reviewer.get("/api/v1/reports/service?period=2011-Q2").json().get("sections");
        JsonNode versions = section(sections, "versions");
        assertThat(versions.get("lines").get(0).asString()).startsWith("本期安装新版本 1 个（涉及 1 个系统）");
        assertThat(versions.get("lines").get(1).asString()).startsWith("截至 2011-06-30").contains("1 个系统超过一年未更新");
        assertThat(versions.get("rows").toString()).contains(fresh, "2011-05-20", "2012-05-20", "按期更新")
                .contains(old, "2011-03-01", "超过一年未更新", released + "（未安装）");
        assertThat(versions.get("lines").get(2).asString()).contains("1 个系统未安装厂商最新发布的版本");
        JsonNode plans = section(sections, "emergency-plans");
        assertThat(plans.get("lines").get(0).asString()).contains("本期演练 1 次", "在恢复时间目标内 0 次");
        assertThat(plans.get("rows").toString()).contains("2011-06-08", "PACS 停机应急预案 " + suffix, "备用打印机驱动缺失",
                "40 分钟（超过目标 30 分钟）");

        JsonNode english = reviewer.get("/api/v1/reports/service?period=2011-Q2&lang=en").json().get("sections");
        assertThat(section(english, "versions").get("lines").get(0).asString()).startsWith("1 new versions installed");
        assertThat(section(english, "versions").get("lines").get(2).asString()).contains("vendor's latest release");

        // The system's page measures "on the latest version" against the newest release, an old one included.
        JsonNode pacs = engineer.get(VersionsUpgradesIT.VERSIONS + "/systems/PACS").json();
        assertThat(pacs.get("latestRelease").get("version").asString()).isEqualTo(released);
        assertThat(pacs.get("onLatest").asBoolean()).isFalse();
        jdbc.sql("delete from records_version_releases where version = :v").param("v", released).update();
    }

    private static JsonNode section(JsonNode sections, String code) {
        for (JsonNode s : sections) {
            if (code.equals(s.get("code").asString())) {
                return s;
            }
        }
        throw new AssertionError("no section " + code + " in " + sections);
    }
}
