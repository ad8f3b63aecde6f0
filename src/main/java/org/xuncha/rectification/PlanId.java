package org.xuncha.rectification;

/** Typed id of a 整改方案 (rectification_plan: one per delivered feedback), used between modules. */
public record PlanId(long value) {

    public PlanId {
        if (value <= 0) {
            throw new IllegalArgumentException("PlanId must be positive");
        }
    }

    public static PlanId of(long value) {
        return new PlanId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
