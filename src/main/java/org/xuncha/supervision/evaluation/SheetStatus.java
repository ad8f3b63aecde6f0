package org.xuncha.supervision.evaluation;

import org.xuncha.platform.web.UserInputException;

/**
 * One organization's evaluation: SCORING 评分中 (the group scores) → SUBMITTED 已提交 (the group is done) →
 * CONFIRMED 已确定 (the office confirms the grade, and its consequences are set off); the office may return a
 * submitted sheet to scoring.
 */
public enum SheetStatus {
    SCORING("评分中"),
    SUBMITTED("已提交"),
    CONFIRMED("已确定");

    private final String label;

    SheetStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    SheetStatus submit() {
        if (this != SCORING) {
            throw new UserInputException("只有评分中的评估可以提交（当前：" + label + "）");
        }
        return SUBMITTED;
    }

    SheetStatus returnToScoring() {
        if (this != SUBMITTED) {
            throw new UserInputException("只有已提交的评估可以退回（当前：" + label + "）");
        }
        return SCORING;
    }

    SheetStatus confirm() {
        if (this != SUBMITTED) {
            throw new UserInputException("只有已提交的评估可以确定（当前：" + label + "）");
        }
        return CONFIRMED;
    }

    boolean scoring() {
        return this == SCORING;
    }
}
