package org.xuncha.intake;

/**
 * The petitions of one inspection for the inspection report: received (every petition registered for it) and
 * handled (办结, status CLOSED). Zero for an inspection outside the caller's scope, exactly like one without any.
 */
public record PetitionCounts(long received, long handled) {

    public static final PetitionCounts NONE = new PetitionCounts(0, 0);
}
