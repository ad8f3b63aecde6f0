package org.xuncha.findings.report;

import org.xuncha.common.Role;

/**
 * The approval chain of the 巡察报告: 组务会 (the team's LEADER passes the draft) → 巡察办审核 (OFFICE of the body) →
 * 领导小组审议 (LEADER, the leading group) → 党委审定 (recorded by the OFFICE of the body on the committee's decision;
 * the committee has no account of its own). Every pending step may return the report, with a written reason, to
 * the drafting team ({@link #RETURNED}), which edits it and passes 组务会 again.
 */
enum ReportStatus {
    DRAFTING("起草中", "组务会"),
    OFFICE_REVIEW("待巡察办审核", "巡察办审核"),
    LEADING_GROUP("待领导小组审议", "领导小组审议"),
    COMMITTEE("待党委审定", "党委审定"),
    APPROVED("已审定", null),
    RETURNED("已退回", "组务会");

    private final String label;
    private final String step;

    ReportStatus(String label, String step) {
        this.label = label;
        this.step = step;
    }

    public String label() {
        return label;
    }

    /** The name of the step taken from this status (组务会 from a draft), null once approved. */
    public String step() {
        return step;
    }

    /** The team edits the text only before it leaves the team. */
    boolean editable() {
        return this == DRAFTING || this == RETURNED;
    }

    /** The status after the step taken from this one is passed. */
    ReportStatus next() {
        return switch (this) {
            case DRAFTING, RETURNED -> OFFICE_REVIEW;
            case OFFICE_REVIEW -> LEADING_GROUP;
            case LEADING_GROUP -> COMMITTEE;
            case COMMITTEE -> APPROVED;
            case APPROVED -> throw new IllegalStateException("approved");
        };
    }

    /** Whether a return to the team is possible from here: only from a step outside the team. */
    boolean returnable() {
        return this == OFFICE_REVIEW || this == LEADING_GROUP || this == COMMITTEE;
    }

    /** The body-level role that takes the step of this status; null for the team's own 组务会 step. */
    Role bodyRole() {
        return switch (this) {
            case OFFICE_REVIEW, COMMITTEE -> Role.OFFICE;
            case LEADING_GROUP -> Role.LEADER;
            default -> null;
        };
    }
}
