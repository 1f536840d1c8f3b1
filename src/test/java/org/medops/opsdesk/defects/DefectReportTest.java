package org.medops.opsdesk.defects;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A quarter's defect report is read from the notes of its time: later progress never rewrites it. */
class DefectReportTest {

    private static final Instant Q2_START = Instant.parse("2026-03-31T16:00:00Z");
    private static final Instant Q3_START = Instant.parse("2026-06-30T16:00:00Z");
    private static final Instant Q4_START = Instant.parse("2026-09-30T16:00:00Z");

    private static Defect defect(long id, Instant reported) {
        return new Defect(id, "缺陷 " + id, "d", "PACS", DefectSeverity.MAJOR, "PACS", "3.1", DefectStatus.OPEN, null,
                "eng", reported, null);
    }

    private static Defects.StatusChange change(long id, String at, DefectStatus from, DefectStatus to) {
        return new Defects.StatusChange(id, Instant.parse(at), from, to);
    }

    @Test
    void aDefectClosedBeforeAQuarterAndReopenedLaterStaysOutOfThatQuarter() {
        Defect reopened = defect(1, Instant.parse("2026-04-10T02:00:00Z"));
        List<Defects.StatusChange> notes = List.of(
                change(1, "2026-04-10T02:00:00Z", null, DefectStatus.OPEN),
                change(1, "2026-05-20T02:00:00Z", DefectStatus.OPEN, DefectStatus.CLOSED),
                change(1, "2026-10-05T02:00:00Z", DefectStatus.VERIFIED, DefectStatus.FIXING));
        DefectReport q2 = DefectReport.of(DefectQuarter.parse("2026-Q2"), Q2_START, Q3_START,
                Instant.parse("2026-11-22T00:00:00Z"), List.of(reopened), notes);
        assertThat(q2.covered()).isEqualTo(1);
        assertThat(q2.closed()).isEqualTo(1);
        DefectReport q3 = DefectReport.of(DefectQuarter.parse("2026-Q3"), Q3_START, Q4_START,
                Instant.parse("2026-11-22T00:00:00Z"), List.of(reopened), notes);
        assertThat(q3.covered()).as("closed before Q3 began, reopened only in Q4").isZero();
    }

    @Test
    void aDefectClosedAndReopenedWithinTheQuarterIsNotCountedAsClosed() {
        Defect flaky = defect(2, Instant.parse("2026-07-02T02:00:00Z"));
        List<Defects.StatusChange> notes = List.of(
                change(2, "2026-07-02T02:00:00Z", null, DefectStatus.OPEN),
                change(2, "2026-08-01T02:00:00Z", DefectStatus.OPEN, DefectStatus.VERIFIED),
                change(2, "2026-09-01T02:00:00Z", DefectStatus.VERIFIED, DefectStatus.FIXING));
        DefectReport q3 = DefectReport.of(DefectQuarter.parse("2026-Q3"), Q3_START, Q4_START,
                Instant.parse("2026-11-22T00:00:00Z"), List.of(flaky), notes);
        assertThat(q3.closed()).isZero();
        assertThat(q3.stillOpenCount()).isEqualTo(1);
        assertThat(q3.closed() + q3.stillOpenCount()).isLessThanOrEqualTo(q3.covered());
    }
}
