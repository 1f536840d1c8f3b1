package org.medops.remoteaccess.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.ConsoleSession;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A remote vendor account outside an approved window only reads, every attempt to act is refused and audited; inside
 * the hospital's window it works; ending the window closes it again at once.
 */
@MedopsTest
class RemoteWindowsIT {

    private static final String PASSWORD = "Remote#Vendor-2026";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aVendorAccountActsOnlyInsideAnApprovedWindow() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String vendorName = "rv-" + suffix;
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api vendor = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD)
                .newUser(vendorName, "远程工程师", PASSWORD, "OPS_ENGINEER");
        Api hospital = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD)
                .newUser("rh-" + suffix, "信息科审批人", PASSWORD, "HOSPITAL_REVIEWER");

        assertThat(vendor.post("/api/v1/opsdesk/tickets", "{}").status()).as("before the flag: validation")
                .isEqualTo(400);
        assertThat(hospital.put("/api/v1/users/" + vendorName + "/remote-vendor", "{\"remoteVendor\":true}").status())
                .as("the system administrator's flag").isEqualTo(403);
        assertThat(admin.put("/api/v1/users/" + vendorName + "/remote-vendor", "{\"remoteVendor\":true}").status())
                .isEqualTo(204);
        assertThat(admin.get("/api/v1/users/" + vendorName).json().get("remoteVendor").asBoolean()).isTrue();

        assertThat(vendor.get("/api/v1/services").status()).as("reading stays open").isEqualTo(200);
        Api.Response closed = vendor.post("/api/v1/opsdesk/tickets", "{}");
        assertThat(closed.status()).isEqualTo(403);
        assertThat(closed.body()).contains("remote-window-closed");

        ConsoleSession console = new ConsoleSession(port).login(vendorName, PASSWORD);
        HttpResponse<String> page = console.post("/opsdesk/tickets", "title=x", "/remote-access");
        assertThat(page.uri().getPath()).isEqualTo("/remote-access");
        assertThat(page.body()).contains("id=\"remote-closed\"");

        Api.Response requested = vendor.post("/api/v1/remote-access/windows", """
                {"system":"HIS 数据库服务器","from":"%s","to":"%s","reason":"异常数据调整","ticketRefs":"T-2026-0012, CHG-7"}"""
                .formatted(Instant.now().minus(1, ChronoUnit.MINUTES), Instant.now().plus(1, ChronoUnit.HOURS)));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        long id = requested.json().get("id").asLong();
        assertThat(vendor.post("/api/v1/remote-access/windows/" + id + "/approve", "{}").status())
                .as("the vendor cannot permit itself").isEqualTo(403);
        assertThat(vendor.post("/api/v1/opsdesk/tickets", "{}").status()).as("requested is not approved").isEqualTo(403);

        Api.Response approved = hospital.post("/api/v1/remote-access/windows/" + id + "/approve", "{\"note\":\"同意\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("open").asBoolean()).isTrue();
        assertThat(vendor.post("/api/v1/opsdesk/tickets", "{}").status()).as("inside the window").isEqualTo(400);

        assertThat(hospital.post("/api/v1/remote-access/windows/" + id + "/end", "{}").status()).isEqualTo(200);
        assertThat(vendor.post("/api/v1/opsdesk/tickets", "{}").status()).as("ended").isEqualTo(403);

        assertThat(jdbc.sql("select count(*) from audit_records where action = 'remote.refused' and outcome = 'DENIED' "
                + "and target_id = :vendor").param("vendor", vendorName).query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from audit_records where target_type = 'remote-window' and target_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).as("request, approval, end").isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from audit_records where action = 'user.remote-vendor' and target_id = :v")
                .param("v", vendorName).query(Long.class).single()).isEqualTo(1);
        assertThat(hospital.get("/api/v1/remote-access/windows/" + id).json().get("status").asString()).isEqualTo("ENDED");
    }
}
