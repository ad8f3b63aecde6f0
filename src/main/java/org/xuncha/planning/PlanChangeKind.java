package org.xuncha.planning;

/** What a change to an approved term plan did. */
enum PlanChangeKind {
    APPROVED("批准"),
    ADDED("增加对象"),
    REMOVED("移出对象"),
    RESCHEDULED("调整年度或轮次");

    private final String label;

    PlanChangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
