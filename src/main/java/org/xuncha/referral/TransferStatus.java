package org.xuncha.referral;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a transferred lead or petition stands. The enum owns the moves: transferred (已移交, waiting for the
 * receiver's 签收) → signed for (已签收) → handling (办理中, once an outcome is recorded) → closed (已办结); a 转办 to
 * another receiver sends a transferred, signed or handling item back to TRANSFERRED under its new receiver (the
 * route keeps the history). CLOSED is final: a correction is a new outcome event, not a reopening.
 */
public enum TransferStatus {
    TRANSFERRED("已移交"),
    SIGNED("已签收"),
    HANDLING("办理中"),
    CLOSED("已办结");

    private final String label;

    TransferStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Set<TransferStatus> next() {
        return switch (this) {
            case TRANSFERRED -> EnumSet.of(SIGNED, TRANSFERRED);
            case SIGNED -> EnumSet.of(HANDLING, CLOSED, TRANSFERRED);
            case HANDLING -> EnumSet.of(CLOSED, TRANSFERRED);
            case CLOSED -> EnumSet.noneOf(TransferStatus.class);
        };
    }

    public boolean canMoveTo(TransferStatus target) {
        return target != null && next().contains(target);
    }

    /** Whether the receiver has signed for it (its reply clock runs). */
    public boolean signed() {
        return this == SIGNED || this == HANDLING || this == CLOSED;
    }
}
