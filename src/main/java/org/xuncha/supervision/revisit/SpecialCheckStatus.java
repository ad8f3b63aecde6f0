package org.xuncha.supervision.revisit;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a 专项督查 stands: planned with its items (计划), under way (督查中: findings are recorded), completed once
 * every item has its finding (已完成). Only forward, one step at a time.
 */
public enum SpecialCheckStatus {
    PLANNED("计划"),
    IN_PROGRESS("督查中"),
    COMPLETED("已完成");

    private final String label;

    SpecialCheckStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Optional<SpecialCheckStatus> next() {
        return switch (this) {
            case PLANNED -> Optional.of(IN_PROGRESS);
            case IN_PROGRESS -> Optional.of(COMPLETED);
            case COMPLETED -> Optional.empty();
        };
    }

    public boolean canMoveTo(SpecialCheckStatus target) {
        return next().filter(n -> n == target).isPresent();
    }

    /** Items are chosen before the check starts. */
    public boolean choosing() {
        return this == PLANNED;
    }

    /** Findings are recorded while the check is under way. */
    public boolean recording() {
        return this == IN_PROGRESS;
    }

    public static Optional<SpecialCheckStatus> parse(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
