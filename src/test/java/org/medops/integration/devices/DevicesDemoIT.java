package org.medops.integration.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With {@code --demo}: the demo analyser is a device interface with a changed field and a failed message, and 30 days
 * of volumes show; a demo critical value acknowledged by the demo clinician goes back to HIS through the demo channel.
 */
@MedopsTest
@TestPropertySource(properties = {"medops.demo=true", "medops.demo-upstream-port=0", "medops.demo-emr-port=0",
        "medops.demo-adt-port=0", "medops.demo-lab-port=0", "medops.demo-integration-period=100ms",
        "medops.demo-device-directory=${java.io.tmpdir}/medops-demo-device-it",
        "medops.demo-critical-his-directory=${java.io.tmpdir}/medops-demo-critical-his-it"})
class DevicesDemoIT {

    @LocalServerPort
    int port;

    @Test
    void theDemoDeviceShowsAChangedFieldAFailedMessageAndAMonthOfVolumes() {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String base = "/api/v1/integration/devices/device-bga-emr/messages";
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode one = admin.get(base + "?q=BG-DEMO-1").json();
            JsonNode two = admin.get(base + "?q=BG-DEMO-2").json();
            assertThat(one.get("rows")).as(one.toString()).hasSize(1);
            assertThat(two.get("rows")).as(two.toString()).hasSize(1);
            assertThat(one.get("rows").get(0).get("status").asString()).isEqualTo("SENT");
        });
        long changed = admin.get(base + "?q=BG-DEMO-1").json().get("rows").get(0).get("id").asLong();
        // A device message is content: the administrator lists it, the demo engineer (content right) opens it.
        Api engineer = new Api(port).as("engineer", "MedOps#Demo2026");
        JsonNode view = engineer.get(base + "/" + changed).json();
        assertThat(view.get("destinations").get(0).get("diff").toString()).contains("\"kind\":\"CHANGED\"", "7.40");
        long failed = admin.get(base + "?q=BG-DEMO-2").json().get("rows").get(0).get("id").asLong();
        assertThat(engineer.get(base + "/" + failed + "/ticket").json().get("responsible").asString()).isEqualTo("DEVICE_MAKER");

        JsonNode volumes = admin.get("/api/v1/integration/volumes?interval=day&channel=his-adt-emr").json();
        assertThat(volumes.get("channels").get(0).get("received").asLong()).isGreaterThan(1000);
        assertThat(volumes.get("points").size()).isGreaterThanOrEqualTo(28);
    }

    @Test
    void aDemoCriticalValueAcknowledgedByTheDemoClinicianGoesBackToHisThroughTheDemoChannel() throws Exception {
        java.nio.file.Path his = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "medops-demo-critical-his-it");
        Api clinician = new Api(port).as("clinician", "MedOps#Demo2026");
        JsonNode open = await().atMost(Duration.ofSeconds(60)).until(
                () -> clinician.get("/api/v1/integration/critical-values?status=DELIVERED&size=100").json().get("rows"),
                rows -> rows.size() > 0);
        long id = open.get(0).get("id").asLong();
        assertThat(clinician.post("/api/v1/integration/critical-values/" + id + "/acknowledge", "").status()).isEqualTo(200);
        assertThat(clinician.get("/api/v1/integration/channels").status()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (!java.nio.file.Files.isDirectory(his)) {
                return false;
            }
            try (var files = java.nio.file.Files.list(his)) {
                return files.anyMatch(f -> f.getFileName().toString().equals("CV" + id + "-ACKNOWLEDGED.hl7"));
            }
        });
        assertThat(java.nio.file.Files.readString(his.resolve("CV" + id + "-ACKNOWLEDGED.hl7")))
                .contains("ZCV|" + id + "|ACKNOWLEDGED|", "clinician");
    }
}
