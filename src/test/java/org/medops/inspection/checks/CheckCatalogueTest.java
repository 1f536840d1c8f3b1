package org.medops.inspection.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CheckCatalogueTest {

    @Nested
    class Limits {

        @Test
        void aPartitionAtNinetyFivePercentFailsBelowItWarnsFromEightyFive() {
            CheckCode.Limit limit = CheckCode.DISK_USAGE.defaultLimit();
            assertThat(limit.grade(95)).isEqualTo(Outcome.FAIL);
            assertThat(limit.grade(94.9)).isEqualTo(Outcome.WARN);
            assertThat(limit.grade(85)).isEqualTo(Outcome.WARN);
            assertThat(limit.grade(84)).isEqualTo(Outcome.PASS);
            assertThat(limit.text()).isEqualTo("< 95%");
        }

        @Test
        void fewerThanSevenBackupsWarnNoneFails() {
            CheckCode.Limit limit = CheckCode.BACKUP_COUNT.defaultLimit();
            assertThat(limit.grade(7)).isEqualTo(Outcome.PASS);
            assertThat(limit.grade(6)).isEqualTo(Outcome.WARN);
            assertThat(limit.grade(0)).isEqualTo(Outcome.FAIL);
            assertThat(limit.text()).isEqualTo("≥ 7");
        }

        @Test
        void aCountLimitOfZeroMeansAnyAtAll() {
            CheckCode.Limit limit = CheckCode.SERVICES.defaultLimit();
            assertThat(limit.grade(0)).isEqualTo(Outcome.PASS);
            assertThat(limit.grade(1)).isEqualTo(Outcome.FAIL);
            assertThat(CheckCode.LOG_SIZE.defaultLimit().text()).isEqualTo("< 10 GB");
            assertThat(CheckCode.BACKUP_FRESHNESS.defaultLimit().text()).isEqualTo("< 26 h");
        }

        @Test
        void aTargetsOwnThresholdsReplaceTheDefaults() {
            CheckSetting setting = new CheckSetting("DISK_USAGE", true, null, 90.0, null, null, null, null, null, null,
                    null, null, null, null);
            assertThat(setting.limit(CheckCode.DISK_USAGE).grade(91)).isEqualTo(Outcome.FAIL);
            assertThat(setting.limit(CheckCode.DISK_USAGE).text()).isEqualTo("< 90%");
        }
    }

    @Nested
    class Parsing {

        @Test
        void dfTakesTheFullestRealPartitionAndSkipsPseudoFileSystems() {
            SshHosts.Exec exec = new SshHosts.Exec("df -P", 0, """
                    Filesystem     1024-blocks      Used Available Capacity Mounted on
                    /dev/sda1         41152736  18000000  23152736      44% /
                    tmpfs              8152736   8152736         0     100% /dev/shm
                    /dev/sdb1        515928320 495291187  20637133      96% /data/pacs images
                    """, "");
            CheckResult result = HostChecks.usage(CheckCode.DISK_USAGE, exec, CheckSetting.defaults(CheckCode.DISK_USAGE));
            assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(result.value()).isEqualTo("96% /data/pacs images");
        }

        @Test
        void findListingGivesTheNewestBackupAndTheCount() {
            BackupFiles files = BackupFiles.parseFind("""
                    1764720000.5 1024 medops-20251203-000000.dump
                    1764806400.0 2048 medops-20251204-000000.dump
                    garbage line
                    """);
            assertThat(files.files()).hasSize(2);
            assertThat(files.newest().orElseThrow().name()).isEqualTo("medops-20251204-000000.dump");
        }

        @Test
        void planLeavesOutDisabledChecksAndThoseWithoutTheirParameters() {
            Checks checks = new Checks(null, null, null, null, null, java.time.Duration.ofSeconds(20));
            List<CheckCode> planned = checks.plan(TargetKind.SSH, List.of(
                    new CheckSetting("INODE_USAGE", false, null, null, null, null, null, null, null, null, null, null, null,
                            null)))
                    .stream().map(Checks.Planned::check).toList();
            assertThat(planned).contains(CheckCode.DISK_USAGE).doesNotContain(CheckCode.INODE_USAGE,
                    CheckCode.SERVICES, CheckCode.LOG_SIZE, CheckCode.BACKUP_FRESHNESS);
        }
    }
}
