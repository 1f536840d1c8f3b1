package org.medops.shared;

import java.util.List;

/**
 * What a list repository offers the list pattern: the rows a filter selects in an order, from an offset, and how
 * many there are in all. {@link ListPage#of(ListSource, Object, ListRequest, jakarta.servlet.http.HttpServletRequest)}
 * reads one page of it and {@link ListExport#export} every page.
 */
public interface ListSource<F, R> {

    List<R> rows(F filter, ListRequest.Sort sort, long offset, int limit);

    long count(F filter);
}
