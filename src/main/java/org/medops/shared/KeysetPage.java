package org.medops.shared;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.servlet.http.HttpServletRequest;

/**
 * One page of a list too large for offsets (the access log): its rows, how many rows the filter selects, and the
 * cursor of the last row, from which the next page continues ({@code after=<cursor>}). Its links are those of the
 * list's first {@link ListPage} — the same filter-keeping size choice, sortable headers and export buttons — plus
 * the cursor. The API returns it as is: {@code rows, total, size, sort, next, links}.
 */
public record KeysetPage<T>(List<T> rows, long total, int size, ListRequest.Sort sort, String next, Links links,
                            @JsonIgnore boolean continued, @JsonIgnore ListPage<T> start) {

    /** The parameter that carries the cursor. */
    public static final String AFTER = "after";

    /** Navigation for API callers; {@code next} is null on the last page. */
    public record Links(String self, String first, String next) {
    }

    /**
     * @param rows at most {@code request.size()} rows
     * @param next the cursor after the last row, or null when no row follows
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
        ListPage<T> start = new ListPage<>(List.of(), total, 0, request.size(), request.sort(), null, path,
                Map.copyOf(filter));
        String current = http.getParameter(AFTER);
        boolean continued = current != null && !current.isBlank();
        String first = start.pageLink(0);
        return new KeysetPage<>(List.copyOf(rows), total, request.size(), request.sort(), next,
                new Links(continued ? after(first, current) : first, first, next == null ? null : after(first, next)),
                continued, start);
    }

    /** The first page in this order and size. */
    public String firstLink() {
        return start.pageLink(0);
    }

    /** Null on the last page. */
    public String nextLink() {
        return links.next();
    }

    public String sizeLink(int newSize) {
        return start.sizeLink(newSize);
    }

    @JsonIgnore
    public List<Integer> sizes() {
        return ListRequest.SIZES;
    }

    /** A header's link: ascending first, the other way round when the list is already sorted by it. */
    public String sortLink(String column) {
        return start.sortLink(column);
    }

    /** {@code asc}, {@code desc} or empty: how a header shows its state. */
    public String sortState(String column) {
        return start.sortState(column);
    }

    /** Exports what the filter selects, in this order, from the first row. */
    public String exportLink(String format) {
        return start.exportLink(format);
    }

    /** What the filter selected, for the export's audit record. */
    @JsonIgnore
    public Map<String, List<String>> filter() {
        return start.filter();
    }

    /** A list link always carries its sort, so the cursor follows an {@code &}. */
    private static String after(String link, String cursor) {
        return link + "&" + AFTER + "=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8);
    }
}
