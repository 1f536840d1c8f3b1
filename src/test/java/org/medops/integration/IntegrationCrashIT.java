package org.medops.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.ForkedMedops;
import org.medops.testing.MedopsTest;

/**
 * kill -9 of an integration node in the middle of a stream, then a restart on the same data: every message
 * that was acknowledged AA is delivered, and a message delivered twice (one in flight at the kill) carries the
 * same message id both times, so the receiver can drop it.
 */
class IntegrationCrashIT {

    @Test
    void everyAcknowledgedMessageIsDeliveredAfterAKillAndDuplicatesShareTheirMessageId() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "integration-crash-").toAbsolutePath();
        int console = ForkedMedops.freePort();
        int gateway = ForkedMedops.freePort();
        int mllp = ForkedMedops.freePort();
        Receiver emr = new Receiver();
        List<String> acknowledged = new ArrayList<>();
        try {
            try (ForkedMedops node = ForkedMedops.start(data, console, gateway, "integration-crash-1")) {
                assertThat(node.awaitHealthy(Duration.ofMinutes(3))).as(node.output()).isTrue();
                Api admin = new Api(console).as("admin", MedopsTest.ADMIN_PASSWORD);
                assertThat(admin.put("/api/v1/integration/channels/crash", """
                        {"name": "崩溃测试", "source": {"type": "MLLP", "port": %d},
                         "destinations": [{"name": "emr", "type": "HTTP", "url": "%s"}]}"""
                        .formatted(mllp, emr.url("/crash"))).status()).isEqualTo(201);
                Thread killer = new Thread(() -> {
                    try {
                        while (emr.accepted("/crash").size() < 40) {
                            Thread.sleep(5);
                        }
                        node.kill();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                killer.start();
                try (MllpClient his = MllpClient.await(mllp)) {
                    for (int i = 1; i <= 5000; i++) {
                        String id = "K-" + i;
                        String ack = his.send(IntegrationEngineIT.adt(id, "P" + i, "病人"));
                        if (ack.contains("MSA|AA|" + id)) {
                            acknowledged.add(id);
                        }
                    }
                } catch (IOException killed) {
                    // the node died under the sender: what was acknowledged until then must arrive
                }
                killer.join(60_000);
            }
            assertThat(acknowledged).hasSizeGreaterThan(40);

            try (ForkedMedops again = ForkedMedops.start(data, console, gateway, "integration-crash-2")) {
                assertThat(again.awaitHealthy(Duration.ofMinutes(3))).as(again.output()).isTrue();
                await().atMost(Duration.ofSeconds(60)).until(() -> controlIds(emr).containsAll(acknowledged));
            }
            Map<String, List<Receiver.Request>> byControlId = emr.accepted("/crash").stream()
                    .collect(Collectors.groupingBy(r -> r.body().split("\\|")[9]));
            Set<String> twice = byControlId.entrySet().stream().filter(e -> e.getValue().size() > 1)
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            // Sent but not yet recorded at the kill: at most one delivery batch (100 entries or 250 ms of sends).
            assertThat(twice).as("only the batch in flight at the kill arrives twice").hasSizeLessThanOrEqualTo(100);
            for (String id : twice) {
                assertThat(byControlId.get(id).stream().map(Receiver.Request::messageId).distinct())
                        .as("a redelivery of " + id + " carries the same message id").hasSize(1);
            }
            assertThat(byControlId.values().stream().map(l -> l.get(0).messageId()).distinct().count())
                    .as("one message id per message").isEqualTo(byControlId.size());
        } finally {
            emr.down();
        }
    }

    private static Set<String> controlIds(Receiver emr) {
        return emr.accepted("/crash").stream().map(r -> r.body().split("\\|")[9]).collect(Collectors.toSet());
    }
}
