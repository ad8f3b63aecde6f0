package org.xuncha.rectification.plan;

/** The four questions every participant of the joint review answers, each with a note (issue 14 §3). */
public enum ReviewQuestion {
    ANSWERED("反馈问题是否一一回应"),
    TARGETED("整改措施是否具有针对性"),
    RESPONSIBILITY("整改责任是否明确清晰"),
    DEADLINE("整改时限设置是否合理");

    private final String label;

    ReviewQuestion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
