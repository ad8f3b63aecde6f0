package org.xuncha.common;

/** Typed id used between modules; the owning module keeps the aggregate. */
public record RoundId(long value) {

    public RoundId {
        if (value <= 0) {
            throw new IllegalArgumentException("RoundId must be positive");
        }
    }

    public static RoundId of(long value) {
        return new RoundId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
