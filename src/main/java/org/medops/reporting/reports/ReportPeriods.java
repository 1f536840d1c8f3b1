package org.medops.reporting.reports;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.medops.reporting.contracts.Contract;
import org.medops.reporting.contracts.ServiceContracts;
import org.medops.shared.ProblemException;
import org.springframework.stereotype.Component;

/**
 * Reads a report's period as the console and the API name it: a calendar quarter or year, a contract year
 * ({@code C2026}) or a quarter of it ({@code C2026:2026-Q3}); or, on the API, {@code contractYear=2026} with an
 * optional {@code period=2026-Q3} within it.
 */
@Component
class ReportPeriods {

    private static final Pattern CONTRACT = Pattern.compile("C(\\d{4})(?::(.+))?");

    private final ServiceContracts contracts;

    ReportPeriods(ServiceContracts contracts) {
        this.contracts = contracts;
    }

    ReportPeriod parse(String text) {
        Matcher m = text == null ? null : CONTRACT.matcher(text.strip().toUpperCase());
        if (m == null || !m.matches()) {
            return ReportPeriod.parse(text);
        }
        return of(m.group(2), Integer.parseInt(m.group(1)));
    }

    /** {@code period} alone, or the contract year's period ({@code period}: a quarter of it, or none for the year). */
    ReportPeriod of(String period, Integer contractYear) {
        if (contractYear == null) {
            return parse(period);
        }
        Contract contract = contracts.byYear(contractYear)
                .orElseThrow(() -> ProblemException.notFound("reportingContract", contractYear));
        return ReportPeriod.ofContract(contract, period == null || period.isBlank() ? null : ReportPeriod.parse(period));
    }
}
