package org.xuncha.identity.internal;

import java.util.List;

/** One page of a server-paginated list; {@code number} counts from 1. */
record ResultPage<T>(List<T> items, int number, int size, long total) {

    /** Rows to skip for page {@code number}; computed in long so an absurd page number cannot overflow. */
    static long offset(int number, int size) {
        return (Math.max(number, 1) - 1L) * size;
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages();
    }
}
