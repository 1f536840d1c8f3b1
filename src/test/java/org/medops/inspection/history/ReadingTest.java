package org.medops.inspection.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Numbers read back from the value text of the runner, however it was written. */
class ReadingTest {

    static final Instant CHECKED = Instant.parse("2026-12-03T02:00:00Z");

    @Nested
    class Percentages {

        @Test
        void theWorstPartitionIsTheReading() {
            Reading r = Reading.of("/ 41 %, /data 97.3 %, /boot: 12%", CHECKED).orElseThrow();
            assertThat(r.unit()).isEqualTo(Reading.Unit.PERCENT);
            assertThat(r.number()).isEqualTo(97.3);
            assertThat(r.parts()).extracting(Reading.Part::label).containsExactly("/", "/data", "/boot");
        }

        @Test
        void aBarePercentageKeepsItsDigits() {
            assertThat(Reading.of("97%", CHECKED).orElseThrow().number()).isEqualTo(97.0);
            assertThat(Reading.of("used=88%", CHECKED).orElseThrow().number()).isEqualTo(88.0);
        }

        @Test
        void aPlainNumberReadsAsPercentWhereTheTrendWantsIt() {
            assertThat(Reading.of("93", CHECKED, Reading.Unit.PERCENT).orElseThrow())
                    .extracting(Reading::number, Reading::unit).containsExactly(93.0, Reading.Unit.PERCENT);
        }
    }

    @Nested
    class Ages {

        @Test
        void hoursAndDaysInWordsOrLetters() {
            assertThat(Reading.of("newest 5h ago, 7 kept", CHECKED).orElseThrow().number()).isEqualTo(5.0);
            assertThat(Reading.of("1 d 2 h", CHECKED).orElseThrow().number()).isEqualTo(26.0);
            assertThat(Reading.of("最新备份 30 小时前", CHECKED, Reading.Unit.HOURS).orElseThrow().number()).isEqualTo(30.0);
            assertThat(Reading.of("93600 s", CHECKED, Reading.Unit.HOURS).orElseThrow().number()).isEqualTo(26.0);
        }

        @Test
        void anIsoDurationOrATimeStamp() {
            assertThat(Reading.of("PT26H", CHECKED, Reading.Unit.HOURS).orElseThrow().number()).isEqualTo(26.0);
            assertThat(Reading.of("newest 2026-12-02T20:00:00Z", CHECKED, Reading.Unit.HOURS).orElseThrow().number())
                    .isEqualTo(6.0);
            // Without an offset it is the hospital's wall time: 08:00 in Shanghai is 00:00 UTC, two hours before.
            assertThat(Reading.of("2026-12-03 08:00", CHECKED, Reading.Unit.HOURS).orElseThrow().number()).isEqualTo(2.0);
        }
    }

    @Test
    void sizesInGigabytes() {
        assertThat(Reading.of("12.5 GB", CHECKED).orElseThrow()).extracting(Reading::number, Reading::unit)
                .containsExactly(12.5, Reading.Unit.GIGABYTES);
        assertThat(Reading.of("/var/log 11264M", CHECKED, Reading.Unit.GIGABYTES).orElseThrow().number()).isEqualTo(11.0);
    }

    @Test
    void textWithoutANumberGivesNoReading() {
        assertThat(Reading.of("all units active", CHECKED)).isEmpty();
        assertThat(Reading.of(null, CHECKED)).isEmpty();
    }

    @Test
    void checkCodesAreToldApartHoweverSpelt() {
        assertThat(CheckFamily.of("PARTITION_USAGE")).isEqualTo(CheckFamily.PARTITION);
        assertThat(CheckFamily.of("disk.usage")).isEqualTo(CheckFamily.PARTITION);
        assertThat(CheckFamily.of("DISK_INODES")).isEqualTo(CheckFamily.INODE);
        assertThat(CheckFamily.of("backup-freshness")).isEqualTo(CheckFamily.BACKUP);
        assertThat(CheckFamily.of("LOG_SIZE")).isEqualTo(CheckFamily.LOG_SIZE);
        assertThat(CheckFamily.of("ERROR_LOG")).isEqualTo(CheckFamily.LOG_LINES);
        assertThat(CheckFamily.of("DB_UP")).isEqualTo(CheckFamily.DATABASE);
        assertThat(CheckFamily.of("REPLICATION_LAG")).isEqualTo(CheckFamily.REPLICATION);
        assertThat(CheckFamily.of("K8S_PODS")).isEqualTo(CheckFamily.K8S_PODS);
        assertThat(CheckFamily.of("something")).isEqualTo(CheckFamily.OTHER);
    }
}
