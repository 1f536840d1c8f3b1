package org.medops.shared;

import java.util.List;

/**
 * Which page of a list, how many rows, in which order — read from {@code page}, {@code size} and
 * {@code sort=<column>,asc|desc}. The size is the user's choice ({@link #SIZES}) under {@link #MAX_SIZE}; a sort
 * column must be one of the list's {@link SortColumns}. Anything else is a 400 {@code page-size-invalid} /
 * {@code sort-invalid}, never a silent default.
 */
public record ListRequest(int page, int size, Sort sort) {

    /** The sizes the pager offers. */
    public static final List<Integer> SIZES = List.of(20, 50, 100);
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public record Sort(String column, boolean ascending) {
        /** As the request parameter spells it: {@code reportedAt,desc}. */
        public String parameter() {
            return column + (ascending ? ",asc" : ",desc");
        }
    }

    public ListRequest {
        if (page < 0) {
            throw ProblemException.invalid("page-invalid");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.invalid("page-size-invalid", MAX_SIZE);
        }
    }

    /** Reads the three parameters against the list's whitelist; null means the default. */
    public static ListRequest of(Integer page, Integer size, String sort, SortColumns columns) {
        return new ListRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size, parse(sort, columns));
    }

    public long offset() {
        return (long) page * size;
    }

    private static Sort parse(String sort, SortColumns columns) {
        if (sort == null || sort.isBlank()) {
            return columns.defaultSort();
        }
        String[] parts = sort.strip().split(",", -1);
        String column = parts[0].strip();
        String direction = parts.length > 1 ? parts[1].strip().toLowerCase(java.util.Locale.ROOT) : "asc";
        if (parts.length > 2 || !columns.accepts(column) || !(direction.equals("asc") || direction.equals("desc"))) {
            throw ProblemException.invalid("sort-invalid", sort, String.join(", ", columns.names()));
        }
        return new Sort(column, direction.equals("asc"));
    }
}
