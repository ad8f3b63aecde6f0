package org.xuncha.staffing;

import java.util.EnumSet;
import java.util.Set;

/** State of a team-formation run (组建方案). Confirmation is final; every other finished state may be solved again. */
public enum StaffingRunStatus {
    SOLVING("求解中"),
    SOLVED("已求解"),
    STOPPED("已停止"),
    INTERRUPTED("已中断"),
    FAILED("求解失败"),
    CONFIRMED("已确认");

    private final String label;

    StaffingRunStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Finished solving with a plan the office may review, change, solve again or confirm. */
    public boolean reviewable() {
        return this == SOLVED || this == STOPPED || this == INTERRUPTED;
    }

    public boolean canMoveTo(StaffingRunStatus next) {
        return allowed().contains(next);
    }

    private Set<StaffingRunStatus> allowed() {
        return switch (this) {
            case SOLVING -> EnumSet.of(SOLVED, STOPPED, INTERRUPTED, FAILED);
            case SOLVED, STOPPED, INTERRUPTED -> EnumSet.of(SOLVING, CONFIRMED);
            case FAILED -> EnumSet.of(SOLVING);
            case CONFIRMED -> EnumSet.noneOf(StaffingRunStatus.class);
        };
    }
}
