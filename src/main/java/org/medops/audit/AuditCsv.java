package org.medops.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Writes audit records as RFC 4180 CSV, guarding spreadsheet users against formula injection. */
final class AuditCsv {

    private final Writer out;

    AuditCsv(Writer out) {
        this.out = out;
    }

    void header() {
        line("seq", "occurred_at", "actor", "client_ip", "action", "target_type", "target_id", "outcome",
                "details", "hash");
    }

    void row(AuditRecord record) {
        line(Long.toString(record.seq()), record.occurredAt().toString(), record.actor(), record.clientIp(),
                record.action(), record.targetType(), record.targetId(), record.outcome(), record.details(),
                record.hash());
    }

    private void line(String... fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(quote(fields[i]));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String quote(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
