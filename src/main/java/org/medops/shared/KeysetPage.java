package org.medops.shared;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.servlet.http.HttpServletRequest;

/**
 * One page of a list too large for offsets (the access log): its rows, how many rows the filter selects, and the
 * cursor of the last row, from which the next page continues ({@code after=<cursor>}). Like {@link ListPage} its
 * links keep the filter, so the size choice, the sortable headers and the export buttons never lose one. The API
 * returns it as is: {@code rows, total, size, sort, next, links}.
 */
public record KeysetPage<T>(List<T> rows, long total, int size, ListRequest.Sort sort, String next, Links links,
                            @JsonIgnore boolean continued, @JsonIgnore String path,
                            @JsonIgnore Map<String, List<String>> filter) {

    /** The parameter that carries the cursor. */
    public static final String AFTER = "after";

    /** Navigation for API callers; {@code next} is null on the last page. */
    public record Links(String self, String first, String next) {
    }

    /**
     * @param rows   at most {@code request.size()} rows
     * @param next   the cursor after the last row, or null when no row follows
     */
    public static <T> KeysetPage<T> of(List<T> rows, long total, ListRequest request, String next,
                                       HttpServletRequest http) {
        Map<String, List<String>> filter = new java.util.LinkedHashMap<>();
        http.getParameterMap().forEach((name, values) -> {
            if (!List.of("page", "size", "sort", "export", AFTER).contains(name)) {
                filter.put(name, List.of(values));
            }
        });
        String path = http.getRequestURI().replaceFirst("/export\\.(csv|xlsx)$", "");
        String current = http.getParameter(AFTER);
        KeysetPage<T> page = new KeysetPage<>(List.copyOf(rows), total, request.size(), request.sort(), next, null,
                current != null && !current.isBlank(), path, Map.copyOf(filter));
        return new KeysetPage<>(page.rows, total, page.size, page.sort, next,
                new Links(page.link(page.size, page.sort.parameter(), current, null), page.firstLink(),
                        page.nextLink()), page.continued, path, page.filter);
    }

    /** The first page in this order and size. */
    public String firstLink() {
        return link(size, sort.parameter(), null, null);
    }

    /** Null on the last page. */
    public String nextLink() {
        return next == null ? null : link(size, sort.parameter(), next, null);
    }

    public String sizeLink(int newSize) {
        return link(newSize, sort.parameter(), null, null);
    }

    @JsonIgnore
    public List<Integer> sizes() {
        return ListRequest.SIZES;
    }

    /** A header's link: ascending first, the other way round when the list is already sorted by it. */
    public String sortLink(String column) {
        boolean ascending = !(column.equals(sort.column()) && sort.ascending());
        return link(size, column + (ascending ? ",asc" : ",desc"), null, null);
    }

    /** {@code asc}, {@code desc} or empty: how a header shows its state. */
    public String sortState(String column) {
        return column.equals(sort.column()) ? (sort.ascending() ? "asc" : "desc") : "";
    }

    /** Exports what the filter selects, in this order, from the first row. */
    public String exportLink(String format) {
        return link(null, sort.parameter(), null, format);
    }

    private String link(Integer pageSize, String sortParameter, String after, String export) {
        StringBuilder uri = new StringBuilder(path);
        filter.forEach((name, values) -> values.forEach(value -> append(uri, name, value)));
        if (pageSize != null && pageSize != ListRequest.DEFAULT_SIZE) {
            append(uri, "size", String.valueOf(pageSize));
        }
        append(uri, "sort", sortParameter);
        if (after != null) {
            append(uri, AFTER, after);
        }
        if (export != null) {
            append(uri, "export", export);
        }
        return uri.toString();
    }

    private static void append(StringBuilder uri, String name, String value) {
        uri.append(uri.indexOf("?") < 0 ? '?' : '&').append(encode(name)).append('=').append(encode(value));
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
