package org.medops.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The one writer every list exports through: the rows the filter selects (all pages, at most {@link #MAX_ROWS}),
 * headers from the message bundles in the reader's language, times in the hospital's zone. CSV is UTF-8 with a
 * byte-order mark (Excel otherwise reads it as GBK) and times with their offset ({@code 2026-12-01 08:00:00+08:00});
 * Excel (fastexcel) gets real date cells in the hospital's wall time. Every export is audited as
 * {@code <list>.export} with the format, the row count and the filter.
 */
@Component
public class ListExport {

    /** More rows than this are refused with {@code export-too-large}: narrow the filter. */
    public static final int MAX_ROWS = 50_000;

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX");

    public enum Format {
        CSV("text/csv;charset=UTF-8"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        /** {@code csv} or {@code xlsx}; anything else is a 400 {@code export-format-invalid}. */
        public static Format of(String parameter) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(parameter == null ? "" : parameter.strip())) {
                    return f;
                }
            }
            throw ProblemException.invalid("export-format-invalid", String.valueOf(parameter));
        }

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One exported column: its header is a message key; its value is written as is (text, number, instant,
     * a collection joined with commas, a boolean as 是/否), given the reader's labels for composed text.
     */
    public record Column<T>(String headerKey, java.util.function.BiFunction<T, Function<String, String>, ?> value) {

        public static <T> Column<T> of(String headerKey, Function<T, ?> value) {
            return new Column<>(headerKey, (row, label) -> value.apply(row));
        }

        /** The value is a message key ({@code ticket.status.NEW}), written in the reader's language. */
        public static <T> Column<T> label(String headerKey, Function<T, String> messageKey) {
            return new Column<>(headerKey, (row, label) -> {
                String key = messageKey.apply(row);
                return key == null ? null : label.apply(key);
            });
        }

        /** Text put together from the row and translated labels (e.g. a step, who took it, a note). */
        public static <T> Column<T> composed(String headerKey,
                                             java.util.function.BiFunction<T, Function<String, String>, String> text) {
            return new Column<>(headerKey, text);
        }
    }

    /** What a list hands over: its audit name ({@code tickets}), columns, the rows, and the filter for the trail. */
    public record Table<T>(String list, List<Column<T>> columns, List<T> rows, Map<String, List<String>> filter) {
    }

    record Exported(String list, Format format, int rows, String filter) implements AuditableEvent {
        @Override
        public String action() {
            return list + ".export";
        }

        @Override
        public String targetType() {
            return "list";
        }

        @Override
        public String targetId() {
            return list;
        }

        @Override
        public List<FieldChange> changes() {
            return List.of(FieldChange.set("format", format.extension()), FieldChange.set("rows", rows),
                    FieldChange.set("filter", filter));
        }
    }

    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    ListExport(MessageSource messages, ApplicationEventPublisher events) {
        this.messages = messages;
        this.events = events;
    }

    /** Refuses an export beyond {@link #MAX_ROWS}; the caller reads {@code MAX_ROWS + 1} rows to tell. */
    public static void checkSize(int rows) {
        if (rows > MAX_ROWS) {
            throw ProblemException.invalid("export-too-large", MAX_ROWS);
        }
    }

    /**
     * Exports every row a list repository selects for the filter, in the request's order: {@code format} is the
     * {@code export} parameter ({@code csv|xlsx}), {@code http} gives the filter for the audit trail.
     */
    public <F, T> void export(String list, List<Column<T>> columns, ListSource<F, T> source, F filter,
                              ListRequest request, String format, ZoneId zone, Locale locale, HttpServletRequest http,
                              HttpServletResponse response) throws IOException {
        Format chosen = Format.of(format);
        List<T> rows = source.rows(filter, request.sort(), 0, MAX_ROWS + 1);
        write(chosen, new Table<>(list, columns, rows, ListPage.of(List.of(), 0, request, http).filter()), zone, locale,
                response);
    }

    public <T> void write(Format format, Table<T> table, ZoneId zone, Locale locale, HttpServletResponse response)
            throws IOException {
        checkSize(table.rows().size());
        events.publishEvent(new Exported(table.list(), format, table.rows().size(), table.filter().toString()));
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").format(Instant.now().atZone(zone));
        response.setContentType(format.contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("medops-" + table.list() + "-" + stamp + "." + format.extension()).build().toString());
        write(format, table, zone, locale, response.getOutputStream());
    }

    /** The bytes alone (tests, and callers that are not a download). */
    public <T> void write(Format format, Table<T> table, ZoneId zone, Locale locale, OutputStream out)
            throws IOException {
        Function<String, String> label = key -> messages.getMessage(key, null, key, locale);
        if (format == Format.CSV) {
            csv(table, zone, label, out);
        } else {
            xlsx(table, zone, label, out);
        }
    }

    private static <T> void csv(Table<T> table, ZoneId zone, Function<String, String> label, OutputStream out)
            throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        writer.write(String.join(",", table.columns().stream().map(c -> csvField(label.apply(c.headerKey()))).toList()));
        writer.write("\r\n");
        for (T row : table.rows()) {
            StringBuilder line = new StringBuilder();
            for (Column<T> column : table.columns()) {
                if (!line.isEmpty() || column != table.columns().get(0)) {
                    line.append(',');
                }
                Object value = column.value().apply(row, label);
                line.append(value instanceof Number n ? n.toString() : csvField(value instanceof Instant i
                        ? CSV_TIME.format(i.atZone(zone)) : text(value, label)));
            }
            writer.write(line.toString());
            writer.write("\r\n");
        }
        writer.flush();
    }

    private static <T> void xlsx(Table<T> table, ZoneId zone, Function<String, String> label, OutputStream out)
            throws IOException {
        Workbook workbook = new Workbook(out, "MedOps", "1.0");
        Worksheet sheet = workbook.newWorksheet(table.list());
        for (int c = 0; c < table.columns().size(); c++) {
            sheet.value(0, c, label.apply(table.columns().get(c).headerKey()));
            sheet.style(0, c).bold().set();
        }
        int r = 1;
        for (T row : table.rows()) {
            for (int c = 0; c < table.columns().size(); c++) {
                Column<T> column = table.columns().get(c);
                Object value = column.value().apply(row, label);
                if (value instanceof Instant i) {
                    sheet.value(r, c, LocalDateTime.ofInstant(i, zone));
                    sheet.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
                } else if (value instanceof Number n) {
                    sheet.value(r, c, n);
                } else {
                    sheet.value(r, c, text(value, label));
                }
            }
            r++;
        }
        sheet.width(0, 20);
        workbook.finish();
    }

    private static String text(Object value, Function<String, String> label) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean b) {
            return label.apply(b ? "common.yes" : "common.no");
        }
        if (value instanceof Collection<?> items) {
            return String.join(", ", items.stream().map(String::valueOf).toList());
        }
        return value.toString();
    }

    /** RFC 4180 quoting, and a leading quote on text Excel would run as a formula (CSV injection). */
    private static String csvField(String value) {
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
