package org.xuncha.findings;

/** How serious a finding is, as the team judges it (the 重点 flag is separate). */
public enum FindingSeverity {
    ORDINARY("一般"),
    SERIOUS("较重"),
    GRAVE("严重");

    private final String label;

    FindingSeverity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
