package org.xuncha.planning;

/** A term plan is drafted freely; once approved, every change needs a written reason and is audited. */
enum PlanStatus {
    DRAFT("草拟"),
    APPROVED("已批准");

    private final String label;

    PlanStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean changeNeedsReason() {
        return this == APPROVED;
    }

    public boolean canMoveTo(PlanStatus target) {
        return this == DRAFT && target == APPROVED;
    }
}
