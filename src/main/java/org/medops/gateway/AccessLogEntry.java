package org.medops.gateway;

import java.time.Instant;

/** One request through the gateway, as the traffic statistics will read it. */
record AccessLogEntry(Instant occurredAt, String requestId, String nodeId, String channelCode, String serviceCode,
                      String method, String path, int status, String errorCode, Integer upstreamStatus,
                      long totalMicros, Long upstreamMicros, long bytesIn, long bytesOut, String clientIp,
                      String requestBody, String responseBody, String requestHeaders) {

    /** One line of PostgreSQL's COPY text format: the writer and the disk spill share it. */
    String copyLine() {
        StringBuilder line = new StringBuilder(256);
        field(line, occurredAt.toString()).append('\t');
        field(line, requestId).append('\t');
        field(line, nodeId).append('\t');
        field(line, channelCode).append('\t');
        field(line, serviceCode).append('\t');
        field(line, method).append('\t');
        field(line, path).append('\t');
        line.append(status).append('\t');
        field(line, errorCode).append('\t');
        field(line, upstreamStatus == null ? null : upstreamStatus.toString()).append('\t');
        line.append(totalMicros).append('\t');
        field(line, upstreamMicros == null ? null : upstreamMicros.toString()).append('\t');
        line.append(bytesIn).append('\t').append(bytesOut).append('\t');
        field(line, clientIp).append('\t');
        field(line, requestBody).append('\t');
        field(line, responseBody).append('\t');
        field(line, requestHeaders).append('\n');
        return line.toString();
    }

    /** The inverse of {@link #copyLine()}, for replaying spilled records. */
    static AccessLogEntry parse(String line) {
        String[] f = line.split("\t", -1);
        return new AccessLogEntry(Instant.parse(f[0]), text(f[1]), text(f[2]), text(f[3]), text(f[4]), text(f[5]),
                text(f[6]), Integer.parseInt(f[7]), text(f[8]), f[9].equals("\\N") ? null : Integer.valueOf(f[9]),
                Long.parseLong(f[10]), f[11].equals("\\N") ? null : Long.valueOf(f[11]), Long.parseLong(f[12]),
                Long.parseLong(f[13]), text(f[14]), text(f[15]), text(f[16]), f.length > 17 ? text(f[17]) : null);
    }

    private static String text(String field) {
        if (field.equals("\\N")) {
            return null;
        }
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static final String COPY_COLUMNS = "occurred_at, request_id, node_id, channel_code, service_code, method, path, "
            + "status, error_code, upstream_status, total_micros, upstream_micros, bytes_in, bytes_out, client_ip, "
            + "request_body, response_body, request_headers";

    private static StringBuilder field(StringBuilder line, String value) {
        if (value == null) {
            return line.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\0' -> { }
                default -> line.append(c);
            }
        }
        return line;
    }
}
