package org.xuncha.staffing.solver;

/** Seat roles of a team, as named in the contract. */
public enum Role {
    LEADER("组长"), DEPUTY("副组长"), LIAISON("联络员"), MEMBER("组员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
