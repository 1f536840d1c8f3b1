package org.medops.opsdesk.defects;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The quarterly defect report as an Excel workbook: the figures, then the defects still open; statuses and
 * severities through the bundles ({@code label} maps a message key to the reader's text), systems by name.
 */
final class DefectReportExport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private DefectReportExport() {
    }

    static void xlsx(DefectReport report, ZoneId zone, Function<String, String> label,
                     Function<String, String> systemName, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "MedOps", "1.0");
        Worksheet summary = workbook.newWorksheet("概览 " + report.quarter());
        int row = 0;
        row = pair(summary, row, "季度", report.quarter());
        row = pair(summary, row, "统计期间", report.firstDay() + " ~ " + report.lastDay());
        row = pair(summary, row, "统计截至", DAY.format(report.asOf().atZone(zone)));
        row = pair(summary, row, "涉及缺陷", report.covered());
        row = pair(summary, row, "本季新增", report.opened());
        row = pair(summary, row, "本季关闭", report.closed());
        row = pair(summary, row, "期末未关闭", report.stillOpenCount());
        row = section(summary, row + 1, "按状态", report.byStatus(), k -> label.apply("defects.status." + k));
        row = section(summary, row + 1, "按严重程度", report.bySeverity(), k -> label.apply("defects.severity." + k));
        section(summary, row + 1, "按系统", report.bySystem(), systemName);
        summary.width(0, 18);
        summary.width(1, 24);

        Worksheet open = workbook.newWorksheet("未关闭缺陷");
        List<String> header = List.of("编号", "标题", "系统", "严重程度", "状态", "产品", "报告日期", "已开放天数");
        for (int c = 0; c < header.size(); c++) {
            open.value(0, c, header.get(c));
            open.style(0, c).bold().set();
        }
        int r = 1;
        for (DefectReport.OpenDefect defect : report.stillOpen()) {
            open.value(r, 0, defect.id());
            open.value(r, 1, defect.title());
            open.value(r, 2, systemName.apply(defect.systemCode()));
            open.value(r, 3, label.apply("defects.severity." + defect.severity()));
            open.value(r, 4, label.apply("defects.status." + defect.status()));
            open.value(r, 5, defect.product());
            open.value(r, 6, DAY.format(defect.reportedAt().atZone(zone)));
            open.value(r, 7, defect.ageDays());
            r++;
        }
        open.width(1, 40);
        workbook.finish();
    }

    private static int pair(Worksheet sheet, int row, String label, Object value) {
        sheet.value(row, 0, label);
        sheet.style(row, 0).bold().set();
        if (value instanceof Number number) {
            sheet.value(row, 1, number);
        } else {
            sheet.value(row, 1, String.valueOf(value));
        }
        return row + 1;
    }

    private static int section(Worksheet sheet, int row, String title, List<DefectReport.Count> counts,
                               Function<String, String> name) {
        sheet.value(row, 0, title);
        sheet.style(row, 0).bold().set();
        int r = row + 1;
        for (DefectReport.Count count : counts) {
            sheet.value(r, 0, name.apply(count.key()));
            sheet.value(r, 1, count.count());
            r++;
        }
        return r;
    }
}
