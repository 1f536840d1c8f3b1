package org.medops.records.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** "On the latest version" (seed 002): a version runs, no upgrade is under way, the newest release is installed. */
class OnLatestTest {

    static InstalledVersion installed(String version) {
        return new InstalledVersion(1, "HIS", version, LocalDate.of(2026, 3, 1), "engineer", null, null, null,
                "engineer", Instant.EPOCH);
    }

    static VersionRelease release(String version) {
        return new VersionRelease(1, "HIS", version, LocalDate.of(2026, 2, 1), null, "engineer", Instant.EPOCH);
    }

    @Test
    void measuresTheInstalledVersionsAgainstTheNewestRelease() {
        assertThat(VersionRegister.onLatest(List.of(), null, null)).as("nothing runs").isFalse();
        assertThat(VersionRegister.onLatest(List.of(installed("5.3")), null, null)).as("no release known").isTrue();
        assertThat(VersionRegister.onLatest(List.of(installed("5.3")), null, "5.4")).as("an upgrade under way").isFalse();
        assertThat(VersionRegister.onLatest(List.of(installed("5.4"), installed("5.3")), release("5.4"), null)).isTrue();
        assertThat(VersionRegister.onLatest(List.of(installed("5.3")), release("5.4"), null)).isFalse();
    }
}
