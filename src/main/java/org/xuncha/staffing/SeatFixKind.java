package org.xuncha.staffing;

/** Why the solver must keep a seat's inspector. */
public enum SeatFixKind {
    EXISTING("已在组"),
    PINNED("已锁定"),
    OVERRIDDEN("人工指定");

    private final String label;

    SeatFixKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
