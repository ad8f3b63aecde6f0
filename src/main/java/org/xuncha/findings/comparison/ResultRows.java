package org.xuncha.findings.comparison;

import java.util.List;

/**
 * One page of a result list (pages are the stored chunks of {@link Comparisons#PAGE} rows), with the column names
 * of its rows (see {@link RowCodec} for each list's fields).
 */
public record ResultRows(ResultList list, int page, int pages, int total, List<String> columns,
                         List<List<String>> rows) {

    public boolean hasNext() {
        return page + 1 < pages;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
