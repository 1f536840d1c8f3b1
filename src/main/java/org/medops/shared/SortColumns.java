package org.medops.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The columns one list may be sorted by, each mapped to the SQL expression its repository orders by. Only these
 * names are accepted from a request, so a sort parameter never reaches the SQL text unchecked.
 */
public final class SortColumns {

    private final Map<String, String> expressions;
    private final ListRequest.Sort defaultSort;
    private final String tieBreaker;

    private SortColumns(Map<String, String> expressions, ListRequest.Sort defaultSort, String tieBreaker) {
        this.expressions = Map.copyOf(expressions);
        this.defaultSort = defaultSort;
        this.tieBreaker = tieBreaker;
    }

    /**
     * @param columnExpressions column name, SQL expression, column name, SQL expression, …
     * @param tieBreaker        a unique expression appended to every order so pages never overlap
     */
    public static SortColumns of(String defaultColumn, boolean defaultAscending, String tieBreaker,
                                 String... columnExpressions) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < columnExpressions.length; i += 2) {
            map.put(columnExpressions[i], columnExpressions[i + 1]);
        }
        if (!map.containsKey(defaultColumn)) {
            throw new IllegalArgumentException("default sort column not listed: " + defaultColumn);
        }
        return new SortColumns(map, new ListRequest.Sort(defaultColumn, defaultAscending), tieBreaker);
    }

    public Set<String> names() {
        return expressions.keySet();
    }

    ListRequest.Sort defaultSort() {
        return defaultSort;
    }

    boolean accepts(String column) {
        return expressions.containsKey(column);
    }

    /** The {@code order by} clause (without the keywords) for a sort this whitelist accepted. */
    public String orderBy(ListRequest.Sort sort) {
        String expression = expressions.get(sort.column());
        if (expression == null) {
            throw ProblemException.invalid("sort-invalid", sort.column(), String.join(", ", names()));
        }
        String direction = sort.ascending() ? " asc nulls last" : " desc nulls last";
        return expression + direction + ", " + tieBreaker + (sort.ascending() ? " asc" : " desc");
    }
}
