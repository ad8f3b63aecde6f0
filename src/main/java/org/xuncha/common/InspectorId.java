package org.xuncha.common;

/** Typed id used between modules; the owning module keeps the aggregate. */
public record InspectorId(long value) {

    public InspectorId {
        if (value <= 0) {
            throw new IllegalArgumentException("InspectorId must be positive");
        }
    }

    public static InspectorId of(long value) {
        return new InspectorId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
