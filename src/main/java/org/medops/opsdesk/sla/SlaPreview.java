package org.medops.opsdesk.sla;

import org.medops.opsdesk.Priority;
import org.medops.opsdesk.calendar.BusinessCalendar;
import org.medops.opsdesk.calendar.Calendars;
import org.medops.opsdesk.calendar.TimeBasis;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SortedSet;

import org.medops.shared.ProblemException;
import org.springframework.stereotype.Service;

/** Answers "when is this due?" for a duration, or for every target of a priority's current policy. */
@Service
public class SlaPreview {

    /** 91 days of 24×7 minutes: longer than any SLA target, and on business time well inside the calendar's horizon. */
    static final int MAX_MINUTES = 131_040;

    private final Calendars calendars;
    private final SlaPolicies policies;

    SlaPreview(Calendars calendars, SlaPolicies policies) {
        this.calendars = calendars;
        this.policies = policies;
    }

    record Request(OffsetDateTime start, Integer minutes, ClockBasis clock, String calendar, Priority priority) {
    }

    /** {@code missingYears} lists years the answer ran through without a holiday table: treat such a due time with care. */
    record Due(String due, String calendar, ClockBasis clock, long minutes, List<Integer> missingYears) {
    }

    record TargetDue(TargetKind kind, ClockBasis clock, long minutes, boolean startsAtResponse, String due) {
    }

    record PolicyDue(Priority priority, int policyVersion, String policyName, String calendar, boolean workingTime,
                     List<TargetDue> targets, List<Integer> missingYears) {
    }

    Due due(Request request) {
        if (request.start() == null || request.minutes() == null || request.clock() == null) {
            throw ProblemException.invalid("preview-incomplete");
        }
        if (request.minutes() < 0 || request.minutes() > MAX_MINUTES) {
            throw ProblemException.invalid("preview-minutes");
        }
        BusinessCalendar calendar = calendar(request.calendar());
        Instant start = request.start().toInstant();
        TimeBasis time = request.clock() == ClockBasis.BUSINESS ? calendar : TimeBasis.AROUND_THE_CLOCK;
        Instant due = time.plus(start, Duration.ofMinutes(request.minutes()));
        return new Due(format(due, calendar), calendar.code(), request.clock(), request.minutes(),
                missing(calendar, start, due, request.clock()));
    }

    PolicyDue targets(Request request) {
        if (request.start() == null || request.priority() == null) {
            throw ProblemException.invalid("preview-incomplete");
        }
        SlaPolicy policy = policies.current(request.priority());
        BusinessCalendar calendar = calendar(request.calendar() != null ? request.calendar() : policy.calendarCode());
        Instant start = request.start().toInstant();
        Instant latest = start;
        List<TargetDue> targets = new java.util.ArrayList<>();
        boolean anyBusiness = false;
        for (SlaTarget target : policy.targets()) {
            SlaTarget.Effective effective = target.effectiveFor(calendar, start);
            Instant due = effective.time(calendar).plus(start, effective.length());
            latest = due.isAfter(latest) ? due : latest;
            anyBusiness |= effective.basis() == ClockBasis.BUSINESS;
            targets.add(new TargetDue(target.kind(), effective.basis(), effective.length().toMinutes(),
                    target.kind().startsAtResponse(), format(due, calendar)));
        }
        return new PolicyDue(policy.priority(), policy.version(), policy.name(), calendar.code(),
                calendar.isWorkingTime(start), targets,
                anyBusiness ? List.copyOf(calendar.missingYears(start, latest)) : List.of());
    }

    private BusinessCalendar calendar(String code) {
        String wanted = code == null || code.isBlank() ? calendars.defaultCode() : code;
        return calendars.find(wanted).orElseThrow(() -> ProblemException.notFound("calendar", wanted));
    }

    private static List<Integer> missing(BusinessCalendar calendar, Instant start, Instant due, ClockBasis clock) {
        if (clock == ClockBasis.CALENDAR) {
            return List.of();
        }
        SortedSet<Integer> years = calendar.missingYears(start, due);
        return List.copyOf(years);
    }

    public static String format(Instant instant, BusinessCalendar calendar) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(calendar.zone()).toOffsetDateTime());
    }
}
