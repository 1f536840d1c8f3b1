package org.medops.inspection.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.medops.inspection.rounds.RoundStatus;
import org.medops.inspection.rounds.RoundTrigger;
import org.medops.inspection.schedules.Occurrence;
import org.medops.inspection.schedules.PlannedSchedule;
import org.medops.inspection.schedules.SchedulePlan;
import org.medops.inspection.schedules.Schedules;
import org.medops.settings.Settings;
import org.medops.shared.ProblemException;
import org.springframework.stereotype.Service;

/** Each target's results over time and the year's rounds against the plan. */
@Service("inspectionHistory")
public class History {

    /** The longest period one target's history covers. */
    static final Duration MAX_PERIOD = Duration.ofDays(3 * 366);

    private final ResultHistory results;
    private final Schedules schedules;
    private final Settings settings;
    private final Clock clock;

    History(ResultHistory results, Schedules schedules, Settings settings, Clock clock) {
        this.results = results;
        this.schedules = schedules;
        this.settings = settings;
        this.clock = clock;
    }

    public List<ResultHistory.TargetRow> targets() {
        return results.targets();
    }

    /** A target's series from {@code from} (default: a year ago) to {@code to} (default: now). */
    public TargetHistory target(String code, Instant from, Instant to) {
        String name = results.targetName(code).orElseThrow(() -> ProblemException.notFound("inspection-target", code));
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(Duration.ofDays(365)) : from;
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw ProblemException.invalid("inspection-history-period-invalid");
        }
        Map<String, List<TargetHistory.Point>> byCheck = new LinkedHashMap<>();
        for (ResultHistory.Item item : results.items(code, start, end)) {
            Reading.Unit unit = unit(item.checkCode());
            Optional<Reading> reading = unit == null ? Reading.of(item.value(), item.checkedAt())
                    : Reading.of(item.value(), item.checkedAt(), unit);
            byCheck.computeIfAbsent(item.checkCode(), c -> new ArrayList<>()).add(new TargetHistory.Point(item.roundId(),
                    item.checkedAt(), item.result(), reading.map(Reading::number).orElse(null), item.value(),
                    item.threshold()));
        }
        List<TargetHistory.Series> series = new ArrayList<>();
        byCheck.forEach((check, points) -> {
            Reading.Unit unit = unit(check);
            series.add(new TargetHistory.Series(check, CheckFamily.of(check), unit == null ? firstUnit(points) : unit,
                    points));
        });
        series.sort(Comparator.comparing((TargetHistory.Series s) -> s.family().ordinal()).thenComparing(s -> s.check()));
        return new TargetHistory(code, name, start, end, series);
    }

    public YearPlan plan(int year) {
        SchedulePlan plan = schedules.plan(year);
        ZoneId zone = settings.current().zone();
        Instant now = clock.instant();
        Instant start = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
        Instant end = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
        Instant lastWindow = plan.schedules().stream().flatMap(s -> s.occurrences().stream())
                .map(Occurrence::windowEnd).max(Comparator.naturalOrder()).orElse(end);
        List<ResultHistory.Round> rounds = results.rounds(start.minus(Duration.ofDays(1)),
                lastWindow.isAfter(end) ? lastWindow : end);
        List<YearPlan.ScheduleLine> lines = new ArrayList<>();
        for (PlannedSchedule s : plan.schedules()) {
            List<ResultHistory.Round> candidates = rounds.stream().filter(r -> s.id() == (r.scheduleId() == null ? -1 : r.scheduleId())
                    || (s.template() != null && r.trigger() == RoundTrigger.MANUAL && r.template() == s.template())).toList();
            Set<Long> used = new HashSet<>();
            List<YearPlan.Occurrence> occurrences = new ArrayList<>();
            for (Occurrence o : s.occurrences()) {
                Optional<ResultHistory.Round> round = candidates.stream().filter(r -> !used.contains(r.id()))
                        .filter(r -> !r.startedAt().isBefore(o.windowStart()) && r.startedAt().isBefore(o.windowEnd()))
                        .findFirst();
                round.ifPresent(r -> used.add(r.id()));
                YearPlan.Status status = round.map(r -> r.status() == RoundStatus.DONE ? YearPlan.Status.DONE
                        : YearPlan.Status.RUNNING).orElseGet(() -> now.isBefore(o.dueAt()) ? YearPlan.Status.PLANNED
                        : now.isBefore(o.windowEnd()) ? YearPlan.Status.DUE : YearPlan.Status.MISSED);
                occurrences.add(new YearPlan.Occurrence(o.dueAt(), o.windowEnd(), o.holiday(), status,
                        round.map(ResultHistory.Round::id).orElse(null)));
            }
            lines.add(new YearPlan.ScheduleLine(s.id(), s.name(), s.template(), s.active(), totals(occurrences),
                    occurrences));
        }
        return new YearPlan(year, totals(lines.stream().flatMap(l -> l.occurrences().stream()).toList()), lines,
                plan.missingCalendarYears());
    }

    private static YearPlan.Totals totals(List<YearPlan.Occurrence> occurrences) {
        int[] c = new int[YearPlan.Status.values().length];
        occurrences.forEach(o -> c[o.status().ordinal()]++);
        return new YearPlan.Totals(occurrences.size(), c[YearPlan.Status.DONE.ordinal()],
                c[YearPlan.Status.RUNNING.ordinal()], c[YearPlan.Status.MISSED.ordinal()],
                c[YearPlan.Status.DUE.ordinal()], c[YearPlan.Status.PLANNED.ordinal()]);
    }

    /**
     * The unit a check's trend is drawn in, by its family; null: whatever the values show. Backups are measured two
     * ways: the newest one's age (hours) and how many are kept — the runner's {@code BACKUP_COUNT} writes a bare
     * count, which read as hours would draw the count as an age.
     */
    static Reading.Unit unit(String check) {
        CheckFamily family = CheckFamily.of(check);
        return switch (family) {
            case PARTITION, INODE, TABLESPACE -> Reading.Unit.PERCENT;
            case BACKUP -> check != null && check.toUpperCase(java.util.Locale.ROOT).contains("COUNT")
                    ? Reading.Unit.COUNT : Reading.Unit.HOURS;
            case LOG_SIZE -> Reading.Unit.GIGABYTES;
            default -> null;
        };
    }

    private static Reading.Unit firstUnit(List<TargetHistory.Point> points) {
        for (TargetHistory.Point p : points) {
            if (p.number() != null) {
                return Reading.of(p.value(), p.at()).map(Reading::unit).orElse(Reading.Unit.COUNT);
            }
        }
        return Reading.Unit.COUNT;
    }
}
