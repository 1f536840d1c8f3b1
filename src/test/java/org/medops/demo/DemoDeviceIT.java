package org.medops.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The demo blood-gas analyser's result files reach the demo EMR as JSON, the raw export kept beside it. */
@MedopsTest
@TestPropertySource(properties = {"medops.demo=true", "medops.demo-upstream-port=0", "medops.demo-emr-port=0",
        "medops.demo-adt-port=0", "medops.demo-lab-port=0", "medops.demo-integration-period=100ms",
        "medops.demo-device-directory=${java.io.tmpdir}/medops-demo-device-it"})
class DemoDeviceIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAnalysersGbkExportsAreReadTransformedAndDelivered() {
        await().atMost(Duration.ofSeconds(40)).until(() -> jdbc.sql("""
                select count(*) from integration_messages where channel_code = 'device-bga-emr' and status = 'SENT'""")
                .query(Long.class).single() >= 1);
        Map<String, Object> message = jdbc.sql("""
                select raw, transformed from integration_messages where channel_code = 'device-bga-emr' and status = 'SENT'
                order by id limit 1""").query().singleRow();
        assertThat((String) message.get("raw")).startsWith("样本号\t病历号\t项目").contains("\tK\t");
        assertThat((String) message.get("transformed")).startsWith("{\"device\":\"BGA-01\",\"sample\":\"BG")
                .contains("\"code\":\"pH\"", "\"unit\":\"mmol/L\"");
    }
}
