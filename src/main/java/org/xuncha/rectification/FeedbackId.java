package org.xuncha.rectification;

/** Typed id of a 反馈意见 ({@code rectification_feedback.id}), for the plan and the ledger. */
public record FeedbackId(long value) {

    public FeedbackId {
        if (value <= 0) {
            throw new IllegalArgumentException("FeedbackId must be positive");
        }
    }

    public static FeedbackId of(long value) {
        return new FeedbackId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
