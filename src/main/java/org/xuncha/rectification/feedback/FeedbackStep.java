package org.xuncha.rectification.feedback;

import org.xuncha.rectification.FeedbackStatus;

/** A step of the review trail 一对照二审核三查看, a return, or the delivery, as recorded in the trail. */
public enum FeedbackStep {
    COMPARE("一对照：与巡察报告对照"),
    OFFICE_REVIEW("二审核：巡察办审核"),
    LEADER_REVIEW("二审核：领导小组审核"),
    CHECK("三查看：事实、措辞、身份泄露风险"),
    RETURN("退回修改"),
    DELIVER("反馈");

    private final String label;

    FeedbackStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The review step taken from {@code status} (not the return, not the delivery). */
    static FeedbackStep from(FeedbackStatus status) {
        return switch (status) {
            case DRAFTING, RETURNED -> COMPARE;
            case OFFICE_REVIEW -> OFFICE_REVIEW;
            case LEADER_REVIEW -> LEADER_REVIEW;
            case CHECK -> CHECK;
            case READY -> DELIVER;
            case DELIVERED -> throw new IllegalStateException("delivered");
        };
    }
}
