package org.xuncha.findings;

/** Typed id of a working paper (底稿), for the modules that build on approved papers (findings, leads, reports). */
public record WorkingPaperId(long value) {

    public WorkingPaperId {
        if (value <= 0) {
            throw new IllegalArgumentException("WorkingPaperId must be positive");
        }
    }

    public static WorkingPaperId of(long value) {
        return new WorkingPaperId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
