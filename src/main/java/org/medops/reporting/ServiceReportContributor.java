package org.medops.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A part of the quarterly and annual service reports that a feature of reporting contributes: the facts it
 * records (calls, visits, trainings, the scorecard …) become sections with lines of text and a table. The report
 * asks every contributor for the period and places the sections by {@link #order()}.
 */
public interface ServiceReportContributor {

    /** The report's period: a quarter ({@code 2026-Q3}) or a year ({@code 2026}), first and last day inclusive. */
    record Period(String label, LocalDate first, LocalDate last) {
    }

    /**
     * One section of the report, already in the reader's language.
     *
     * @param code   stable key of the section, e.g. {@code scorecard}
     * @param header the table's column titles; empty when the section has no table
     * @param rows   the table's rows, cells formatted for reading
     */
    record Section(String code, String title, List<String> lines, List<String> header, List<List<String>> rows) {
    }

    /** Where the sections go in the report: lower first. */
    int order();

    List<Section> sections(Period period, Locale locale);
}
