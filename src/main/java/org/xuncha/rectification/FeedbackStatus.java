package org.xuncha.rectification;

import org.xuncha.common.Role;

/**
 * Where a 反馈意见 stands (issue 14 §1): drafted by the office, then 一对照二审核三查看 — 对照 (compared with the
 * approved report, by the office), 审核 by the office and by the leading group (LEADER), 查看 (facts, wording,
 * identification risk, by the office) — then delivered at the feedback meeting. Every pending step may return it,
 * with a reason, to the office's drafting ({@link #RETURNED}). {@link #DELIVERED} is what the plan and the ledger
 * rely on: delivered_on, plan_due_on and report_due_on are set, and the TARGET reads it.
 */
public enum FeedbackStatus {
    DRAFTING("起草中", "对照"),
    OFFICE_REVIEW("待巡察办审核", "巡察办审核"),
    LEADER_REVIEW("待领导小组审核", "领导小组审核"),
    CHECK("待查看", "查看"),
    READY("待反馈", "反馈"),
    DELIVERED("已反馈", null),
    RETURNED("已退回修改", "对照");

    private final String label;
    private final String step;

    FeedbackStatus(String label, String step) {
        this.label = label;
        this.step = step;
    }

    public String label() {
        return label;
    }

    /** The name of the step taken from this status, null once delivered. */
    public String step() {
        return step;
    }

    /** The office edits the text only while drafting or after a return. */
    public boolean editable() {
        return this == DRAFTING || this == RETURNED;
    }

    /** The status after the review step taken from this one (READY leads to DELIVERED by delivery only). */
    public FeedbackStatus next() {
        return switch (this) {
            case DRAFTING, RETURNED -> OFFICE_REVIEW;
            case OFFICE_REVIEW -> LEADER_REVIEW;
            case LEADER_REVIEW -> CHECK;
            case CHECK -> READY;
            case READY -> DELIVERED;
            case DELIVERED -> throw new IllegalStateException("delivered");
        };
    }

    /** Whether the text may be returned from here: any step after the drafting, before delivery. */
    public boolean returnable() {
        return this == OFFICE_REVIEW || this == LEADER_REVIEW || this == CHECK || this == READY;
    }

    /** Who takes the step of this status: the leading group its own review, the office every other step. */
    public Role stepRole() {
        return this == LEADER_REVIEW ? Role.LEADER : Role.OFFICE;
    }
}
