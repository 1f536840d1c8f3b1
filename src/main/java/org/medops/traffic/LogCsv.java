package org.medops.traffic;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/** The filtered access log as CSV (UTF-8 with BOM for Excel); bodies are left out. */
final class LogCsv {

    private LogCsv() {
    }

    static void write(AccessLogs logs, LogQuery query, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"medops-access-log.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        out.write("time,request_id,channel,service,method,path,status,error_code,upstream_status,total_ms,"
                + "upstream_ms,bytes_in,bytes_out,client_ip,node\r\n");
        logs.forEach(query, r -> line(out, r.occurredAt().toString(), r.requestId(), r.channelCode(), r.serviceCode(),
                r.method(), r.path(), Integer.toString(r.status()), r.errorCode(),
                r.upstreamStatus() == null ? null : r.upstreamStatus().toString(), Double.toString(r.totalMillis()),
                r.upstreamMicros() == null ? null : Double.toString(r.upstreamMicros() / 1000.0),
                Long.toString(r.bytesIn()), Long.toString(r.bytesOut()), r.clientIp(), r.nodeId()));
        out.flush();
    }

    private static void line(Writer out, String... fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                String value = fields[i] == null ? "" : fields[i];
                if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
                    value = "'" + value;
                }
                out.write('"' + value.replace("\"", "\"\"") + '"');
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
