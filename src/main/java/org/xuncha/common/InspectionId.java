package org.xuncha.common;

/** Typed id used between modules; the owning module keeps the aggregate. */
public record InspectionId(long value) {

    public InspectionId {
        if (value <= 0) {
            throw new IllegalArgumentException("InspectionId must be positive");
        }
    }

    public static InspectionId of(long value) {
        return new InspectionId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
