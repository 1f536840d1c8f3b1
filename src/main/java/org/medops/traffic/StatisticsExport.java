package org.medops.traffic;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.medops.shared.ListExport;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The statistics as CSV (the periods, through {@link ListExport}: audited, Chinese headers, times {@code +08:00})
 * or as an Excel workbook of two sheets, the summary and the periods, named and headed from the bundles in the
 * reader's language, periods in the hospital's wall time.
 */
@Component
class StatisticsExport {

    private final ListExport export;
    private final MessageSource messages;

    StatisticsExport(ListExport export, MessageSource messages) {
        this.export = export;
        this.messages = messages;
    }

    void write(UsageStatistics.Report report, String format, ZoneId zone, Locale locale,
               Map<String, List<String>> filter, HttpServletResponse response) throws IOException {
        ListExport.Format chosen = ListExport.Format.of(format);
        if (chosen == ListExport.Format.CSV) {
            export.write(chosen, new ListExport.Table<>("statistics", columns(report.dimension()), report.rows(),
                    filter), zone, locale, response);
            return;
        }
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("medops-" + report.dimension().name().toLowerCase(Locale.ROOT) + "-statistics.xlsx")
                .build().toString());
        xlsx(report, zone, locale, response.getOutputStream());
    }

    private static List<ListExport.Column<UsageStatistics.Row>> columns(UsageStatistics.Dimension dimension) {
        return List.of(
                ListExport.Column.of("stats.key." + dimension.name(), UsageStatistics.Row::key),
                ListExport.Column.of("stats.period", UsageStatistics.Row::period),
                ListExport.Column.of("stats.calls", UsageStatistics.Row::calls),
                ListExport.Column.of("stats.failures", UsageStatistics.Row::failures),
                ListExport.Column.of("stats.failureRate", UsageStatistics.Row::failureRate),
                ListExport.Column.of("stats.avgMs", UsageStatistics.Row::averageMillis),
                ListExport.Column.of("stats.p95Ms", UsageStatistics.Row::p95Millis),
                ListExport.Column.of("stats.p99Ms", UsageStatistics.Row::p99Millis));
    }

    private void xlsx(UsageStatistics.Report report, ZoneId zone, Locale locale, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "MedOps", "1.0");
        List<ListExport.Column<UsageStatistics.Row>> columns = columns(report.dimension());
        sheet(workbook.newWorksheet(text("stats.sheet.summary." + report.dimension().name(), locale)), columns,
                report.summary(), zone, locale);
        sheet(workbook.newWorksheet(text(report.granularity() == UsageStatistics.Granularity.DAY ? "stats.day"
                : "stats.hour", locale)), columns, report.rows(), zone, locale);
        workbook.finish();
    }

    private void sheet(Worksheet sheet, List<ListExport.Column<UsageStatistics.Row>> columns,
                       List<UsageStatistics.Row> rows, ZoneId zone, Locale locale) {
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(0, c, text(columns.get(c).headerKey(), locale));
            sheet.style(0, c).bold().set();
        }
        int r = 1;
        for (UsageStatistics.Row row : rows) {
            sheet.value(r, 0, row.key());
            if (row.period() != null) {
                sheet.value(r, 1, LocalDateTime.ofInstant(row.period(), zone));
                sheet.style(r, 1).format("yyyy-mm-dd hh:mm").set();
            }
            sheet.value(r, 2, row.calls());
            sheet.value(r, 3, row.failures());
            sheet.value(r, 4, row.failureRate());
            sheet.value(r, 5, row.averageMillis());
            if (row.p95Millis() != null) {
                sheet.value(r, 6, row.p95Millis());
            }
            if (row.p99Millis() != null) {
                sheet.value(r, 7, row.p99Millis());
            }
            r++;
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
