package org.medops.opsdesk.defects;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The quarterly defect progress report (缺陷季度进展报告). It covers the defects the quarter dealt with —
 * reported before its end and not closed before its start — each in the status it had at the quarter's end
 * (or now, for the running quarter), replayed from the progress notes so a later change does not rewrite
 * a past quarter.
 */
record DefectReport(String quarter, LocalDate firstDay, LocalDate lastDay, Instant asOf, long covered, long opened,
                    long closed, long stillOpenCount, List<Count> byStatus, List<Count> bySeverity,
                    List<Count> bySystem, List<OpenDefect> stillOpen) {

    /** One line of a breakdown: a status, severity or system code and how many defects it holds. */
    record Count(String key, long count) {
    }

    /** A defect not closed by the report's end, with how many days it has been open. */
    record OpenDefect(long id, String title, String systemCode, DefectSeverity severity, DefectStatus status,
                      String product, Instant reportedAt, long ageDays) {
    }

    static DefectReport of(DefectQuarter quarter, Instant start, Instant end, Instant now, List<Defect> defects,
                           List<Defects.StatusChange> changes) {
        Instant asOf = now.isBefore(end) ? now : end;
        Map<Long, DefectStatus> statusAtStart = new HashMap<>();
        Map<Long, DefectStatus> statusAt = new HashMap<>();
        Set<Long> closedInQuarter = new HashSet<>();
        for (Defects.StatusChange change : changes) {
            if (change.at().isAfter(asOf)) {
                continue;
            }
            if (change.at().isBefore(start)) {
                statusAtStart.put(change.defectId(), change.toStatus());
            }
            statusAt.put(change.defectId(), change.toStatus());
            boolean closes = change.toStatus().done() && (change.fromStatus() == null || !change.fromStatus().done());
            if (closes && !change.at().isBefore(start)) {
                closedInQuarter.add(change.defectId());
            }
        }
        Map<DefectStatus, Long> byStatus = new EnumMap<>(DefectStatus.class);
        Map<DefectSeverity, Long> bySeverity = new EnumMap<>(DefectSeverity.class);
        Map<String, Long> bySystem = new TreeMap<>();
        List<OpenDefect> stillOpen = new ArrayList<>();
        long opened = 0;
        long closed = 0;
        // A quarter covers what was reported in it and what was still open when it began, as the notes of the
        // time say, so a defect reopened later never comes back into a quarter that had it closed.
        List<Defect> covered = defects.stream().filter(d -> !d.reportedAt().isBefore(start)
                || !statusAtStart.getOrDefault(d.id(), DefectStatus.OPEN).done()).toList();
        for (Defect defect : covered) {
            DefectStatus status = statusAt.getOrDefault(defect.id(), DefectStatus.OPEN);
            byStatus.merge(status, 1L, Long::sum);
            bySeverity.merge(defect.severity(), 1L, Long::sum);
            bySystem.merge(defect.systemCode(), 1L, Long::sum);
            if (!defect.reportedAt().isBefore(start)) {
                opened++;
            }
            if (closedInQuarter.contains(defect.id()) && status.done()) {
                closed++;
            }
            if (!status.done()) {
                stillOpen.add(new OpenDefect(defect.id(), defect.title(), defect.systemCode(), defect.severity(),
                        status, defect.product(), defect.reportedAt(),
                        Duration.between(defect.reportedAt(), asOf).toDays()));
            }
        }
        stillOpen.sort(Comparator.comparing(OpenDefect::severity).thenComparing(OpenDefect::reportedAt));
        return new DefectReport(quarter.toString(), quarter.firstDay(), quarter.endExclusive().minusDays(1), asOf,
                covered.size(), opened, closed, stillOpen.size(), counts(byStatus, DefectStatus.values()),
                counts(bySeverity, DefectSeverity.values()),
                bySystem.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList(), stillOpen);
    }

    private static <E extends Enum<E>> List<Count> counts(Map<E, Long> counted, E[] all) {
        List<Count> counts = new ArrayList<>();
        for (E key : all) {
            counts.add(new Count(key.name(), counted.getOrDefault(key, 0L)));
        }
        return counts;
    }
}
