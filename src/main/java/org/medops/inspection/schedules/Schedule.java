package org.medops.inspection.schedules;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.medops.inspection.rounds.RoundDue;
import org.medops.inspection.rounds.RoundTrigger;
import org.medops.inspection.rounds.Template;
import org.medops.shared.ProblemException;

/**
 * A schedule as stored: what it runs ({@code template} null: each target's full check list; {@code targets} empty:
 * every active target), when ({@link ScheduleRule}), and its next occurrence.
 */
record Schedule(long id, Details details, boolean active, Instant nextDueAt, Instant lastDueAt, Instant createdAt,
                String createdBy, Instant updatedAt, String updatedBy) {

    private static final Pattern TARGET_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** What a person sets on a schedule; the API's body and the console form bind to it. */
    record Details(String name, Template template, List<String> targets, ScheduleRule rule, Boolean active) {

        Details {
            name = name == null ? null : name.strip();
            targets = targets == null ? List.of()
                    : targets.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
        }

        Details checked() {
            if (name == null || name.isEmpty() || name.length() > 200) {
                throw ProblemException.invalid("inspection-schedule-name-invalid");
            }
            if (targets.size() > 200 || targets.stream().anyMatch(t -> !TARGET_CODE.matcher(t).matches())) {
                throw ProblemException.invalid("inspection-schedule-targets-invalid");
            }
            if (rule == null) {
                throw ProblemException.invalid("inspection-schedule-rule-missing");
            }
            rule.checked();
            return this;
        }

        boolean isActive() {
            return active == null || active;
        }
    }

    RoundDue due() {
        return new RoundDue(details.template(), details.targets(), RoundTrigger.SCHEDULE, id, "schedule:" + id);
    }
}
