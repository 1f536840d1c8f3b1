package org.medops.inspection.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medops.shared.ProblemException;

/** The listings of pgBackRest and Barman as the backup checks read them: only finished, error-free backups count. */
class BackupToolTest {

    static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");
    static final CheckSetting TOOL = new CheckSetting("BACKUP_FRESHNESS", true, null, null, List.of(), List.of(),
            List.of(), null, null, null, List.of(), null, "PGBACKREST", "main");

    static String pgBackRest(long hoursAgo, boolean lastFailed) {
        long stop = NOW.getEpochSecond() - hoursAgo * 3600;
        return """
                [{"name":"other","backup":[],"status":{"code":2,"message":"no valid backups"}},
                 {"name":"main","status":{"code":0,"message":"ok"},"backup":[
                   {"label":"20261120-010000F","type":"full","error":false,
                    "timestamp":{"start":%d,"stop":%d},"info":{"repository":{"size":1048576}}},
                   {"label":"20261203-010000F_20261203-013000D","type":"diff","error":%s,
                    "timestamp":{"start":%d,"stop":%d},"info":{"repository":{"size":2048}}}]}]"""
                .formatted(stop - 14 * 86400 - 60, stop - 14 * 86400, lastFailed, stop - 60, stop);
    }

    @Test
    void pgBackRestCountsTheStanzasErrorFreeBackupsAndTheirStopTime() {
        BackupTool.Listing fresh = BackupTool.PGBACKREST.parse(pgBackRest(3, false), "main");
        assertThat(fresh.problem()).isNull();
        assertThat(fresh.backups().files()).hasSize(2);
        CheckResult result = fresh.backups().freshness(TOOL, NOW, "evidence");
        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.value()).startsWith("3 h (20261203-010000F_20261203-013000D (diff))");

        BackupTool.Listing failed = BackupTool.PGBACKREST.parse(pgBackRest(3, true), "main");
        assertThat(failed.backups().files()).as("the failed diff does not count").hasSize(1);
        assertThat(failed.backups().freshness(TOOL, NOW, "e").outcome()).isEqualTo(Outcome.FAIL);

        assertThat(BackupTool.PGBACKREST.parse(pgBackRest(3, false), "other").problem())
                .isEqualTo("status 2: no valid backups");
        assertThatThrownBy(() -> BackupTool.PGBACKREST.parse(pgBackRest(3, false), "nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stanza nope");
        assertThatThrownBy(() -> BackupTool.PGBACKREST.parse("ERROR: [055]: unable to load info file", "main"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
    }

    @Test
    void barmanCountsDoneBackupsByTheirEndTimeAndNamesTheFailedOnes() {
        long end = NOW.getEpochSecond() - 30 * 3600;
        String json = """
                {"pg":[{"backup_id":"20261202T220000","backup_type":"rsync","status":"DONE",
                        "end_time_timestamp":"%d","size_bytes":5368709120},
                       {"backup_id":"20261203T220000","backup_type":"rsync","status":"FAILED"},
                       {"backup_id":"20261204T010000","backup_type":"rsync","status":"STARTED"}]}""".formatted(end);
        BackupTool.Listing listing = BackupTool.BARMAN.parse(json, "pg");
        assertThat(listing.backups().files()).hasSize(1);
        assertThat(listing.problem()).isEqualTo("1 FAILED");
        CheckResult result = listing.backups().freshness(TOOL, NOW, "e");
        assertThat(result.outcome()).as("30 h is past the 26 h of the seed").isEqualTo(Outcome.FAIL);
        assertThat(result.value()).startsWith("30 h (20261202T220000)");
        assertThatThrownBy(() -> BackupTool.BARMAN.parse(json, "main"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("server main");
    }

    @Test
    void aToolNeedsAPlainBackupSetName() {
        BackupTool.check(null, null);
        BackupTool.check("BARMAN", "pg-main_1");
        for (String[] bad : new String[][] {{"BARMAN", null}, {null, "main"}, {"RSYNC", "main"},
                {"PGBACKREST", "main; rm -rf /"}}) {
            assertThatThrownBy(() -> BackupTool.check(bad[0], bad[1])).isInstanceOf(ProblemException.class)
                    .hasMessage("inspection-backup-tool");
        }
    }
}
