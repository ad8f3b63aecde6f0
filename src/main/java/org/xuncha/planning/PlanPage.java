package org.xuncha.planning;

import java.util.List;

/** One page of a server-side paginated list of the planning pages and API; {@code page} counts from 0. */
record PlanPage<T>(List<T> items, int page, int size, long total) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    static int clampSize(Integer size) {
        return size == null || size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    static int clampPage(Integer page) {
        return page == null || page < 0 ? 0 : Math.min(page, 100_000);
    }

    static long offset(int page, int size) {
        return (long) page * size;
    }
}
