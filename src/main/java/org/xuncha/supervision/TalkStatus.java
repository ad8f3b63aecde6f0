package org.xuncha.supervision;

import java.util.Arrays;
import java.util.Optional;

/**
 * The follow-up of a 约谈: what was promised is tracked (待跟踪) until the office records that it was done (已落实,
 * final, with the follow-up's note).
 */
public enum TalkStatus {
    TRACKING("待跟踪"),
    DONE("已落实");

    private final String label;

    TalkStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean canFollowUp() {
        return this == TRACKING;
    }

    /** The state after the follow-up is recorded; only from 待跟踪. */
    public TalkStatus followedUp() {
        if (!canFollowUp()) {
            throw new IllegalStateException("already " + this);
        }
        return DONE;
    }

    public static Optional<TalkStatus> parse(String name) {
        return Arrays.stream(values()).filter(v -> v.name().equals(name)).findFirst();
    }
}
