package org.xuncha.platform.cli;

import java.util.Arrays;

/** Percentiles of measured times, as the benchmark commands report them (nearest rank, docs/benchmarks.md). */
public final class Percentiles {

    private Percentiles() {
    }

    /** The {@code p}-th percentile of {@code values} by nearest rank: the smallest value at or above p % of them. */
    public static double of(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
