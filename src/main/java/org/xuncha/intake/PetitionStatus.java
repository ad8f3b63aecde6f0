package org.xuncha.intake;

/**
 * Where a petition stands: received, triaged (in or out of the team's scope), in handling after a disposition,
 * closed with a classification. It only moves forward, one step at a time; the reporter sees the label.
 */
enum PetitionStatus {
    RECEIVED("已受理，待研判"),
    TRIAGED("已研判，待分办"),
    HANDLING("办理中"),
    CLOSED("已办结");

    private final String label;

    PetitionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean canMoveTo(PetitionStatus target) {
        return target != null && target.ordinal() == ordinal() + 1;
    }
}
