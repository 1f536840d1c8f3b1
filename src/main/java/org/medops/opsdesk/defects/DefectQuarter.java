package org.medops.opsdesk.defects;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.medops.shared.ProblemException;

/** A calendar quarter such as {@code 2026-Q3}: 1 July to 30 September. */
record DefectQuarter(int year, int quarter) {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})-Q([1-4])");

    static DefectQuarter parse(String text) {
        Matcher matcher = text == null ? null : TEXT.matcher(text.trim().toUpperCase());
        if (matcher == null || !matcher.matches()) {
            throw ProblemException.invalid("quarter-invalid", String.valueOf(text));
        }
        return new DefectQuarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    static DefectQuarter of(LocalDate date) {
        return new DefectQuarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    LocalDate firstDay() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    /** The day after the quarter: its end, exclusive. */
    LocalDate endExclusive() {
        return firstDay().plusMonths(3);
    }

    public DefectQuarter previous() {
        return quarter == 1 ? new DefectQuarter(year - 1, 4) : new DefectQuarter(year, quarter - 1);
    }

    public DefectQuarter next() {
        return quarter == 4 ? new DefectQuarter(year + 1, 1) : new DefectQuarter(year, quarter + 1);
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}
