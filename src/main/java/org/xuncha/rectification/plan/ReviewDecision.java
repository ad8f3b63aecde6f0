package org.xuncha.rectification.plan;

import org.xuncha.rectification.PlanStatus;

/** The office's decision on a submitted plan, and the state it moves the plan to. */
public enum ReviewDecision {
    APPROVE("审核通过", PlanStatus.APPROVED),
    RETURN("退回修改", PlanStatus.RETURNED);

    private final String label;
    private final PlanStatus outcome;

    ReviewDecision(String label, PlanStatus outcome) {
        this.label = label;
        this.outcome = outcome;
    }

    public String label() {
        return label;
    }

    PlanStatus outcome() {
        return outcome;
    }
}
