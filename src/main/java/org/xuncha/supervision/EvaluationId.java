package org.xuncha.supervision;

/** Typed id of a 整改质效评估 (supervision_evaluation: one inspection, one model version), used between modules. */
public record EvaluationId(long value) {

    public EvaluationId {
        if (value <= 0) {
            throw new IllegalArgumentException("EvaluationId must be positive");
        }
    }

    public static EvaluationId of(long value) {
        return new EvaluationId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
