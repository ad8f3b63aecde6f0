package org.xuncha.common;

/** Typed id used between modules; the owning module keeps the aggregate. */
public record BodyId(long value) {

    public BodyId {
        if (value <= 0) {
            throw new IllegalArgumentException("BodyId must be positive");
        }
    }

    public static BodyId of(long value) {
        return new BodyId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
