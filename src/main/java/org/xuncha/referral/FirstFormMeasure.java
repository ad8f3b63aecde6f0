package org.xuncha.referral;

/** 第一种形态的措施 besides 诫勉 (which is a 组织处理): talks and criticism that keep a person in the first form. */
public enum FirstFormMeasure implements OutcomeCode {
    REMINDER_TALK("谈话提醒"),
    CRITICISM("批评教育"),
    ORDERED_SELF_EXAMINATION("责令检查");

    private final String label;

    FirstFormMeasure(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Form form() {
        return Form.FIRST;
    }
}
