package org.medops.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AccessLogEntryTest {

    @Test
    void survivesTheRoundTripThroughASpillFile() {
        AccessLogEntry entry = new AccessLogEntry(Instant.parse("2026-11-22T01:02:03.456789Z"), "req-1", "node:9080",
                "wechat", "his", "POST", "/his/a\tb\\c\nd", 502, "MEDOPS-UPSTREAM-UNAVAILABLE", null, 1234, null,
                17, 99, "::1", "{\"name\":\"***\"}\r\n", null, "X-App-Key: ak1\n");
        String line = entry.copyLine();
        assertThat(line).endsWith("\n").doesNotContain("\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t");
        assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n");
        assertThat(AccessLogEntry.parse(line.substring(0, line.length() - 1))).isEqualTo(entry);
    }

    @Test
    void readsSpillFilesWrittenBeforeHeadersWereCaptured() {
        String older = "2026-11-22T01:02:03Z\treq-2\tn\t\\N\t\\N\tGET\t/x\t404\tMEDOPS-SERVICE-NOT-FOUND\t\\N\t10\t\\N\t0\t5\t::1\t\\N\t\\N";
        AccessLogEntry entry = AccessLogEntry.parse(older);
        assertThat(entry.status()).isEqualTo(404);
        assertThat(entry.requestHeaders()).isNull();
        assertThat(entry.channelCode()).isNull();
    }
}
