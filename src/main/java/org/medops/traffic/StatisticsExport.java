package org.medops.traffic;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** The statistics as an Excel workbook (summary and periods sheets) or as CSV, times in the hospital's zone. */
final class StatisticsExport {

    private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final List<String> HEADER = List.of("key", "period", "calls", "failures", "failure_rate",
            "avg_ms", "p95_ms", "p99_ms");

    private StatisticsExport() {
    }

    static void xlsx(UsageStatistics.Report report, ZoneId zone, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "MedOps", "1.0");
        sheet(workbook.newWorksheet(report.dimension() == UsageStatistics.Dimension.SERVICE ? "服务汇总" : "渠道汇总"),
                report.summary(), zone);
        sheet(workbook.newWorksheet(report.granularity() == UsageStatistics.Granularity.DAY ? "按日" : "按小时"),
                report.rows(), zone);
        workbook.finish();
    }

    private static void sheet(Worksheet sheet, List<UsageStatistics.Row> rows, ZoneId zone) {
        for (int c = 0; c < HEADER.size(); c++) {
            sheet.value(0, c, HEADER.get(c));
            sheet.style(0, c).bold().set();
        }
        int r = 1;
        for (UsageStatistics.Row row : rows) {
            sheet.value(r, 0, row.key());
            sheet.value(r, 1, row.period() == null ? "" : PERIOD.format(row.period().atZone(zone)));
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

    static void csv(UsageStatistics.Report report, ZoneId zone, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        writer.write(String.join(",", HEADER) + "\r\n");
        for (UsageStatistics.Row row : report.rows()) {
            writer.write(String.join(",", row.key(), row.period() == null ? "" : PERIOD.format(row.period().atZone(zone)),
                    Long.toString(row.calls()), Long.toString(row.failures()), Double.toString(row.failureRate()),
                    String.format("%.2f", row.averageMillis()), row.p95Millis() == null ? "" : row.p95Millis().toString(),
                    row.p99Millis() == null ? "" : row.p99Millis().toString()) + "\r\n");
        }
        writer.flush();
    }
}
