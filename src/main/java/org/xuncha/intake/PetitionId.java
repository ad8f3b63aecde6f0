package org.xuncha.intake;

/** Typed id of a petition (信访件), used between modules; intake keeps the petition. */
public record PetitionId(long value) {

    public PetitionId {
        if (value <= 0) {
            throw new IllegalArgumentException("PetitionId must be positive");
        }
    }

    public static PetitionId of(long value) {
        return new PetitionId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
