package org.xuncha.planning;

/** What a change to an approved term plan did, or what the leading group decided on a submitted draft. */
enum PlanChangeKind {
    APPROVED("批准"),
    RETURNED("退回修改"),
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
