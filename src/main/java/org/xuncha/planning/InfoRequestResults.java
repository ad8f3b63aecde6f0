package org.xuncha.planning;

import java.util.List;

/** One page of information requests (or dossier rows), paginated on the server; {@code page} counts from 0. */
record InfoRequestResults<T>(List<T> items, int page, int size, long total) {

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
}
