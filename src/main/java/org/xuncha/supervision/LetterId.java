package org.xuncha.supervision;

/** Typed id of a supervision letter (supervision_letter), used between modules and capabilities. */
public record LetterId(long value) {

    public LetterId {
        if (value <= 0) {
            throw new IllegalArgumentException("LetterId must be positive");
        }
    }

    public static LetterId of(long value) {
        return new LetterId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
