package org.xuncha.rectification;

import java.util.Set;

/**
 * The states of a 整改方案 (issue 14 §3) and the moves between them: the TARGET drafts (DRAFTING), its 主要负责人
 * signs and the plan is submitted for the joint review (SUBMITTED), the office of the body returns it with written
 * reasons (RETURNED: the TARGET edits, signs and submits again) or approves it (APPROVED: its items become the live
 * ledger; final). The ledger lists only items whose plan is APPROVED.
 */
public enum PlanStatus {
    DRAFTING("整改方案起草中"),
    SUBMITTED("已报送审核"),
    RETURNED("退回修改"),
    APPROVED("审核通过");

    private final String label;

    PlanStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the TARGET may change the plan's items and sign it (until it is submitted, and again once returned). */
    public boolean editable() {
        return this == DRAFTING || this == RETURNED;
    }

    public boolean canMoveTo(PlanStatus next) {
        return next != null && switch (this) {
            case DRAFTING, RETURNED -> next == SUBMITTED;
            case SUBMITTED -> Set.of(RETURNED, APPROVED).contains(next);
            case APPROVED -> false;
        };
    }
}
