package org.xuncha.people;

/** Role held on an inspection team (组长, 副组长, 联络员, 组员), as recorded for previous assignments. */
public enum TeamRole {
    LEADER("组长"),
    DEPUTY("副组长"),
    LIAISON("联络员"),
    MEMBER("组员");

    private final String label;

    TeamRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
