package org.xuncha.platform.web;

import java.util.List;

/**
 * One page of a list paginated on the server (every list of the application is); {@code page} counts from 0.
 * Templates read {@code items}, {@code page}, {@code totalPages()}, {@code hasNext()}, {@code hasPrevious()}.
 */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public ResultPage {
        items = List.copyOf(items);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** A requested page size: the default when absent or not positive, never above {@link #MAX_SIZE}. */
    public static int clampSize(Integer size) {
        return size == null || size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    /** A requested page number: 0 when absent or negative, bounded so that the offset cannot overflow. */
    public static int clampPage(Integer page) {
        return page == null || page < 0 ? 0 : Math.min(page, 100_000);
    }

    public static long offset(int page, int size) {
        return (long) page * size;
    }
}
