package org.medops.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.ConsoleSession;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The records pages over a console session: an emergency plan written, reviewed and drilled through its forms, a
 * refused form naming its fields, the lists with their exports, and the hospital's staff kept from the vendor's forms.
 */
@MedopsTest
class RecordsPagesIT {

    static final String PASSWORD = "Records#Pag-2026";

    @LocalServerPort
    int port;

    @Test
    void anEmergencyPlanIsWrittenReviewedAndDrilledOnTheConsole() throws Exception {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String suffix = UUID.randomUUID().toString().substring(0, 5);
        admin.newUser("pg-eng" + suffix, "厂商工程师 刘洋", PASSWORD, "OPS_ENGINEER");
        admin.newUser("pg-rev" + suffix, "信息科 陈刚", PASSWORD, "HOSPITAL_REVIEWER");
        ConsoleSession engineer = new ConsoleSession(port).login("pg-eng" + suffix, PASSWORD);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        HttpResponse<String> list = engineer.get("/records/plans");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("编制应急预案", "id=\"plan-form\"");

        HttpResponse<String> refused = engineer.post("/records/plans", "title=&scenario=NETWORK&contacts=&steps=s"
                + "&fallback=f&rtoMinutes=10&rpoMinutes=0", "/records/plans");
        assertThat(ConsoleSession.violations(refused)).contains("标题", "联系人");

        String title = "网络中断应急预案 " + suffix;
        HttpResponse<String> written = engineer.post("/records/plans", "title=" + ConsoleSession.encode(title)
                + "&scenario=NETWORK&systemCode=NETWORK&contacts=" + ConsoleSession.encode("网络管理员 8003")
                + "&steps=" + ConsoleSession.encode("1. 定位故障\n2. 切换备用链路") + "&fallback="
                + ConsoleSession.encode("移动终端 4G 专网") + "&rtoMinutes=20&rpoMinutes=0", "/records/plans");
        assertThat(written.statusCode()).isEqualTo(200);
        assertThat(written.body()).contains("应急预案已编制", title, "20 分钟内恢复 / 数据丢失不超过 0 分钟",
                today.plusYears(1).toString());
        String page = written.uri().getPath();
        assertThat(page).matches("/records/plans/\\d+");

        HttpResponse<String> reviewed = engineer.post(page + "/review", "reviewedOn=" + today + "&notes="
                + ConsoleSession.encode("核对联系人"), page);
        assertThat(reviewed.body()).contains("评审已登记", "核对联系人");
        HttpResponse<String> future = engineer.post(page + "/drills", "heldOn=" + today.plusDays(3) + "&scenario=s"
                + "&participants=p&findings=f&followUp=u", page);
        assertThat(future.body()).contains("演练日期不能晚于今天");
        HttpResponse<String> drilled = engineer.post(page + "/drills", "heldOn=" + today + "&scenario="
                + ConsoleSession.encode("核心交换机断电") + "&participants=" + ConsoleSession.encode("信息科、厂商")
                + "&findings=" + ConsoleSession.encode("备用链路切换需人工确认") + "&followUp="
                + ConsoleSession.encode("配置自动切换") + "&recoveryMinutes=25", page);
        assertThat(drilled.body()).contains("演练已登记", "核心交换机断电", "25 分钟");

        assertThat(engineer.get("/records/plans?review=CURRENT&q=" + ConsoleSession.encode(suffix)).body())
                .contains(title, "在有效期内");
        HttpResponse<String> csv = engineer.get("/records/plans?export=csv&q=" + ConsoleSession.encode(suffix));
        assertThat(csv.body()).contains("标题", title, "网络中断");
        assertThat(engineer.get("/records/plans?sort=nope").statusCode()).isEqualTo(400);
        assertThat(engineer.get("/records/versions").body()).contains("各系统当前版本", "HIS 医院信息系统");
        assertThat(engineer.get("/records/versions?export=csv").statusCode()).isEqualTo(200);
        assertThat(engineer.get("/records/upgrades").body()).contains("编制升级");
        assertThat(engineer.get("/records/upgrades?export=xlsx").statusCode()).isEqualTo(200);
        assertThat(engineer.get(page + "?lang=en").body()).contains("Emergency plan", "Network outage",
                "Record a drill");

        ConsoleSession reviewer = new ConsoleSession(port).login("pg-rev" + suffix, PASSWORD);
        HttpResponse<String> asHospital = reviewer.get(page);
        assertThat(asHospital.statusCode()).isEqualTo(200);
        assertThat(asHospital.body()).contains(title).doesNotContain("id=\"drill-form\"", "id=\"review-form\"");
        assertThat(reviewer.get("/records/versions/systems/HIS").body()).doesNotContain("id=\"register-form\"");
    }
}
