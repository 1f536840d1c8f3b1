package org.medops.opsdesk.insight;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;

/** The ledger as an Excel workbook, labels in the reader's language, times in the hospital's zone. */
final class LedgerExport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private LedgerExport() {
    }

    static void xlsx(List<Ledger.Entry> entries, ZoneId zone, Function<String, String> label, OutputStream out)
            throws IOException {
        Workbook workbook = new Workbook(out, "MedOps", "1.0");
        Worksheet sheet = workbook.newWorksheet(label.apply("ledger.title"));
        List<String> header = List.of("ledger.kind", "ledger.reference", "tickets.titleField", "tickets.system",
                "tickets.status", "ledger.openedAt", "ledger.closedAt", "ledger.handling", "ledger.solution");
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, label.apply(header.get(c)));
            sheet.style(0, c).bold().set();
        }
        int r = 1;
        for (Ledger.Entry e : entries) {
            sheet.value(r, 0, label.apply("ledger.kind." + e.kind()));
            sheet.value(r, 1, e.reference());
            sheet.value(r, 2, e.title());
            sheet.value(r, 3, e.system());
            sheet.value(r, 4, label.apply(e.statusKey() + e.status()));
            sheet.value(r, 5, time(e.openedAt(), zone));
            sheet.value(r, 6, time(e.closedAt(), zone));
            sheet.value(r, 7, e.handlingStep() == null ? "" : label.apply(e.stepKey() + e.handlingStep()) + " · "
                    + e.handlingBy() + (e.handlingNote() == null || e.handlingNote().isBlank() ? "" : " · " + e.handlingNote()));
            sheet.value(r, 8, e.solution());
            r++;
        }
        workbook.finish();
    }

    static Function<String, String> labels(MessageSource messages, java.util.Locale locale) {
        return key -> messages.getMessage(key, null, key, locale);
    }

    private static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }
}
