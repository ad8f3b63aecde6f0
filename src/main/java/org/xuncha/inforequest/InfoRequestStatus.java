package org.xuncha.inforequest;

/** 巡前通报 request: sent to a department, answered once; "overdue" is derived from the due date, not stored. */
public enum InfoRequestStatus {
    SENT("待答复"),
    ANSWERED("已答复");

    private final String label;

    InfoRequestStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean canMoveTo(InfoRequestStatus target) {
        return this == SENT && target == ANSWERED;
    }
}
