package org.medops.reporting.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.medops.reporting.ServiceReportContributor;
import org.medops.reporting.contracts.Contract;
import org.medops.shared.ProblemException;

/**
 * A report's period: a calendar quarter ({@code 2026-Q3}) or a year ({@code 2026}) of the hospital's calendar, or
 * bound to a service contract: its contract year ({@code C2026}, the contract's own dates) or a quarter of it
 * ({@code C2026:2026-Q3}, the calendar quarter cut to the contract's dates), with the contract's name and parties.
 */
record ReportPeriod(int year, int quarter, Contract contract) {

    ReportPeriod(int year, int quarter) {
        this(year, quarter, null);
    }

    private static final Pattern TEXT = Pattern.compile("(\\d{4})(?:-Q([1-4]))?");

    static ReportPeriod parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text.strip().toUpperCase());
        if (m == null || !m.matches() || Integer.parseInt(m.group(1)) < 2000 || Integer.parseInt(m.group(1)) > 2100) {
            throw ProblemException.invalid("report-period-invalid", String.valueOf(text));
        }
        return new ReportPeriod(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
    }

    static ReportPeriod quarterOf(LocalDate day) {
        return new ReportPeriod(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    static ReportPeriod year(int year) {
        return new ReportPeriod(year, 0);
    }

    boolean annual() {
        return quarter == 0;
    }

    LocalDate first() {
        LocalDate calendar = calendarFirst();
        if (contract == null) {
            return calendar;
        }
        return annual() || calendar.isBefore(contract.startsOn()) ? contract.startsOn() : calendar;
    }

    /** The period's last day, included. */
    LocalDate last() {
        LocalDate calendar = (annual() ? calendarFirst().plusYears(1) : calendarFirst().plusMonths(3)).minusDays(1);
        if (contract == null) {
            return calendar;
        }
        return annual() || calendar.isAfter(contract.endsOn()) ? contract.endsOn() : calendar;
    }

    private LocalDate calendarFirst() {
        return annual() ? LocalDate.of(year, 1, 1) : LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    /** A calendar quarter of the contract's year (one with a day inside the contract's dates), cut to them. */
    static ReportPeriod ofContract(Contract contract, ReportPeriod calendarQuarter) {
        if (calendarQuarter == null || calendarQuarter.annual()) {
            return new ReportPeriod(contract.year(), 0, contract);
        }
        ReportPeriod bound = new ReportPeriod(calendarQuarter.year(), calendarQuarter.quarter(), contract);
        if (bound.calendarFirst().isAfter(contract.endsOn()) || calendarQuarter.last().isBefore(contract.startsOn())) {
            throw ProblemException.invalid("report-period-outside-contract", calendarQuarter.toString(),
                    String.valueOf(contract.year()), contract.startsOn().toString(), contract.endsOn().toString());
        }
        return bound;
    }

    Instant start(ZoneId zone) {
        return first().atStartOfDay(zone).toInstant();
    }

    /** The instant after the period: its end, excluded. */
    Instant end(ZoneId zone) {
        return last().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** A year's four quarters (a contract year's: the calendar quarters it touches); a quarter is its own only part. */
    List<ReportPeriod> quarters() {
        if (!annual()) {
            return List.of(this);
        }
        List<ReportPeriod> quarters = new ArrayList<>();
        if (contract != null) {
            for (ReportPeriod q = quarterOf(contract.startsOn()); !q.first().isAfter(contract.endsOn()); q = q.next()) {
                quarters.add(new ReportPeriod(q.year(), q.quarter(), contract));
            }
            return quarters;
        }
        for (int q = 1; q <= 4; q++) {
            quarters.add(new ReportPeriod(year, q));
        }
        return quarters;
    }

    /** The calendar period before (a contract's quarter: the one before within the contract, else the calendar's). */
    ReportPeriod previous() {
        ReportPeriod calendar = annual() ? year(year - 1)
                : quarter == 1 ? new ReportPeriod(year - 1, 4) : new ReportPeriod(year, quarter - 1);
        return within(calendar);
    }

    ReportPeriod next() {
        ReportPeriod calendar = annual() ? year(year + 1)
                : quarter == 4 ? new ReportPeriod(year + 1, 1) : new ReportPeriod(year, quarter + 1);
        return within(calendar);
    }

    private ReportPeriod within(ReportPeriod calendar) {
        if (contract == null || annual()) {
            return calendar;
        }
        boolean inside = !calendar.calendarFirst().isAfter(contract.endsOn()) && !calendar.last().isBefore(contract.startsOn());
        return inside ? new ReportPeriod(calendar.year(), calendar.quarter(), contract) : calendar;
    }

    /** The calendar name of the period ({@code 2026-Q3}, {@code 2026}), which the scorecard's quarters use too. */
    String calendarLabel() {
        return annual() ? String.valueOf(year) : year + "-Q" + quarter;
    }

    /** Whether any day of the period lies after {@code today}: its figures are not final yet. */
    boolean runningOn(LocalDate today) {
        return !last().isBefore(today);
    }

    ServiceReportContributor.Period asContributorPeriod() {
        return new ServiceReportContributor.Period(calendarLabel(), first(), last());
    }

    @Override
    public String toString() {
        if (contract != null) {
            return "C" + contract.year() + (annual() ? "" : ":" + calendarLabel());
        }
        return calendarLabel();
    }
}
