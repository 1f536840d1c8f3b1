package org.medops.reporting.reports;

import java.util.List;

import org.medops.reporting.ServiceReportContributor;

/**
 * One part of a report as every output prints it — the page, the PDF, the Word copy and the Excel sheets: a
 * contributor's {@link ServiceReportContributor.Section} or one of the report's own, with an optional chart.
 */
record ReportBlock(ServiceReportContributor.Section section, Chart chart) {

    /** A bar chart: one bar per category and series; {@code unit} is printed on the value axis. */
    record Chart(String title, List<String> categories, List<Series> series, String unit) {

        public boolean empty() {
            return categories.isEmpty() || series.stream().allMatch(s -> s.values().stream().allMatch(v -> v == 0));
        }
    }

    record Series(String name, List<Double> values) {
    }

    public String code() {
        return section.code();
    }

    /** The PNG's file-safe name in the Word copy and the page. */
    public String chartName() {
        return "chart-" + code().replaceAll("[^A-Za-z0-9-]", "-");
    }
}
