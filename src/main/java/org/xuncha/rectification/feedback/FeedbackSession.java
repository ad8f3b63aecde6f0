package org.xuncha.rectification.feedback;

/** 双反馈: the two feedback sessions of one text. */
public enum FeedbackSession {
    LEADERSHIP("向领导班子反馈"),
    PRINCIPAL("向主要负责人反馈");

    private final String label;

    FeedbackSession(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
