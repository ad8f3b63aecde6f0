package org.xuncha.supervision.reminder;

/**
 * What a to-do is about (issue 15 §7), each with the words of its title. REVISIT_DUE, LETTER_UNANSWERED and
 * EVALUATION_PENDING are for the revisit, letter and evaluation capabilities to raise through their own
 * {@link ReminderSource}; the others are raised now from rectification and closure.
 */
public enum ReminderKind {
    REPORT_DUE("整改报告待报送"),
    ITEM_OVERDUE("整改事项已超期"),
    CLOSURE_READY("巡察已具备报结条件"),
    REVISIT_DUE("回访到期"),
    LETTER_UNANSWERED("督办函未答复"),
    EVALUATION_PENDING("整改质效评估待完成");

    private final String label;

    ReminderKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
