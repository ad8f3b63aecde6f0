package org.xuncha.people;

import java.util.List;

/** One page of inspectors, counted on the server. */
record InspectorPage(List<InspectorSummary> items, int page, int size, long total) {

    public InspectorPage {
        items = List.copyOf(items);
    }

    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }
}
