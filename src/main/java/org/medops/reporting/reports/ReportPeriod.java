package org.medops.reporting.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.medops.reporting.ServiceReportContributor;
import org.medops.shared.ProblemException;

/** A report's period: a calendar quarter ({@code 2026-Q3}) or a year ({@code 2026}) of the hospital's calendar. */
record ReportPeriod(int year, int quarter) {

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
        return annual() ? LocalDate.of(year, 1, 1) : LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    /** The period's last day, included. */
    LocalDate last() {
        return (annual() ? first().plusYears(1) : first().plusMonths(3)).minusDays(1);
    }

    Instant start(ZoneId zone) {
        return first().atStartOfDay(zone).toInstant();
    }

    /** The instant after the period: its end, excluded. */
    Instant end(ZoneId zone) {
        return last().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** A year's four quarters; a quarter is its own only part. */
    List<ReportPeriod> quarters() {
        if (!annual()) {
            return List.of(this);
        }
        List<ReportPeriod> quarters = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            quarters.add(new ReportPeriod(year, q));
        }
        return quarters;
    }

    ReportPeriod previous() {
        return annual() ? year(year - 1) : quarter == 1 ? new ReportPeriod(year - 1, 4) : new ReportPeriod(year, quarter - 1);
    }

    ReportPeriod next() {
        return annual() ? year(year + 1) : quarter == 4 ? new ReportPeriod(year + 1, 1) : new ReportPeriod(year, quarter + 1);
    }

    /** Whether any day of the period lies after {@code today}: its figures are not final yet. */
    boolean runningOn(LocalDate today) {
        return !last().isBefore(today);
    }

    ServiceReportContributor.Period asContributorPeriod() {
        return new ServiceReportContributor.Period(toString(), first(), last());
    }

    @Override
    public String toString() {
        return annual() ? String.valueOf(year) : year + "-Q" + quarter;
    }
}
