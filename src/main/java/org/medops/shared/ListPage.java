package org.medops.shared;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.servlet.http.HttpServletRequest;

/**
 * One page of a list: its rows, how many rows the filter selects in all, and links that keep the filter
 * (the pager, the page-size choice, the sortable headers and the export buttons all come from here, so a link
 * never loses a filter parameter). The API returns it as is: {@code rows, total, page, size, sort, links}.
 */
public record ListPage<T>(List<T> rows, long total, int page, int size, ListRequest.Sort sort, Links links,
                          @JsonIgnore String path, @JsonIgnore Map<String, List<String>> filter) {

    /** Navigation for API callers; null where there is no such page. */
    public record Links(String self, String first, String prev, String next, String last) {
    }

    public static <T> ListPage<T> of(List<T> rows, long total, ListRequest request, HttpServletRequest http) {
        Map<String, List<String>> filter = new java.util.LinkedHashMap<>();
        http.getParameterMap().forEach((name, values) -> {
            if (!List.of("page", "size", "sort", "export").contains(name)) {
                filter.put(name, List.of(values));
            }
        });
        String path = http.getRequestURI().replaceFirst("/export\\.(csv|xlsx)$", "");
        ListPage<T> page = new ListPage<>(List.copyOf(rows), total, request.page(), request.size(), request.sort(),
                null, path, Map.copyOf(filter));
        int last = page.lastPage();
        return new ListPage<>(page.rows, total, page.page, page.size, page.sort, new Links(page.pageLink(page.page),
                page.pageLink(0), page.page > 0 ? page.pageLink(Math.min(page.page - 1, last)) : null,
                page.page < last ? page.pageLink(page.page + 1) : null, page.pageLink(last)), path, page.filter);
    }

    /** One page of a list repository's rows in the request's order, with the total the filter selects. */
    public static <F, T> ListPage<T> of(ListSource<F, T> source, F filter, ListRequest request, HttpServletRequest http) {
        return of(source.rows(filter, request.sort(), request.offset(), request.size()), source.count(filter), request,
                http);
    }

    /** An empty page in the list's default order, for a page whose parameters were refused. */
    public static <T> ListPage<T> empty(SortColumns columns, HttpServletRequest http) {
        return of(List.of(), 0, ListRequest.of(null, null, null, columns), http);
    }

    /** 0-based number of the last page (0 for an empty list). */
    @JsonIgnore
    public int lastPage() {
        return total == 0 ? 0 : (int) ((total - 1) / size);
    }

    /** 1-based number of the first row shown (0 when none). */
    @JsonIgnore
    public long firstRow() {
        return rows.isEmpty() ? 0 : (long) page * size + 1;
    }

    @JsonIgnore
    public long lastRow() {
        return rows.isEmpty() ? 0 : (long) page * size + rows.size();
    }

    /** The page numbers the pager shows: the first, the last and two either side of this one. */
    @JsonIgnore
    public List<Integer> pagerPages() {
        int last = lastPage();
        return java.util.stream.IntStream.rangeClosed(0, last)
                .filter(p -> p == 0 || p == last || Math.abs(p - page) <= 2).boxed().toList();
    }

    @JsonIgnore
    public List<Integer> sizes() {
        return ListRequest.SIZES;
    }

    public String pageLink(int target) {
        return link(target, size, sort.parameter(), null);
    }

    public String sizeLink(int newSize) {
        return link(0, newSize, sort.parameter(), null);
    }

    /** A header's link: ascending first, the other way round when the list is already sorted by it. */
    public String sortLink(String column) {
        boolean ascending = !(column.equals(sort.column()) && sort.ascending());
        return link(0, size, column + (ascending ? ",asc" : ",desc"), null);
    }

    /** {@code asc}, {@code desc} or empty: how a header shows its state. */
    public String sortState(String column) {
        return column.equals(sort.column()) ? (sort.ascending() ? "asc" : "desc") : "";
    }

    /** Exports what the filter selects, in this order, all pages. */
    public String exportLink(String format) {
        return link(null, null, sort.parameter(), format);
    }

    private String link(Integer target, Integer pageSize, String sortParameter, String export) {
        StringBuilder uri = new StringBuilder(path);
        filter.forEach((name, values) -> values.forEach(value -> append(uri, name, value)));
        if (target != null && target > 0) {
            append(uri, "page", String.valueOf(target));
        }
        if (pageSize != null && pageSize != ListRequest.DEFAULT_SIZE) {
            append(uri, "size", String.valueOf(pageSize));
        }
        append(uri, "sort", sortParameter);
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
