package org.xuncha.rectification.ledger;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * The ledger's deadline bands (docs/domain.md: 超期 / 剩余10天 / 剩余20天 / 20天以上) of an open item (not 已销号, not
 * 不能整改), in calendar days from the business date: overdue when the deadline is before today; 剩余10天 when it is
 * today or within 10 days; 剩余20天 within 11–20 days; 20天以上 beyond. The SQL of {@link #sql} and {@link #of} say
 * the same thing, so the filter and the mark agree.
 */
public enum DeadlineBand {
    OVERDUE("超期"),
    WITHIN_10("剩余10天"),
    WITHIN_20("剩余20天"),
    BEYOND_20("20天以上");

    private final String label;

    DeadlineBand(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static DeadlineBand of(LocalDate due, LocalDate today) {
        if (due.isBefore(today)) {
            return OVERDUE;
        }
        if (!due.isAfter(today.plusDays(10))) {
            return WITHIN_10;
        }
        if (!due.isAfter(today.plusDays(20))) {
            return WITHIN_20;
        }
        return BEYOND_20;
    }

    /** The band as a condition on {@code column}, with parameters :today, :plus10, :plus20. */
    String sql(String column) {
        return switch (this) {
            case OVERDUE -> column + " < :today";
            case WITHIN_10 -> column + " >= :today AND " + column + " <= :plus10";
            case WITHIN_20 -> column + " > :plus10 AND " + column + " <= :plus20";
            case BEYOND_20 -> column + " > :plus20";
        };
    }

    static Optional<DeadlineBand> parse(String name) {
        return Arrays.stream(values()).filter(b -> b.name().equals(name)).findFirst();
    }
}
