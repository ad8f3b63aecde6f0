package org.xuncha.supervision.revisit;

import java.util.Arrays;
import java.util.Optional;

/**
 * The result of a 回访 or 专项督查 for one ledger item, carried out through rectification's
 * {@code RevisitOutcomes}: confirmed in place, reopened (二次整改, the reason required), or a red card raised (what
 * was found required).
 */
public enum ItemOutcome {
    CONFIRMED("确认整改到位"),
    REOPENED("二次整改"),
    RED_CARD("亮红牌");

    private final String label;

    ItemOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the outcome needs a written reason (the ledger's 二次整改 does; a red card says what was found). */
    public boolean needsNote() {
        return this != CONFIRMED;
    }

    public static Optional<ItemOutcome> parse(String name) {
        return Arrays.stream(values()).filter(o -> o.name().equals(name)).findFirst();
    }
}
