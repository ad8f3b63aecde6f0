package org.xuncha.organization;

/** 党组织类别. */
public enum OrganizationKind {
    PARTY_COMMITTEE("党委"),
    LEADING_PARTY_GROUP("党组"),
    WORKING_COMMITTEE("党工委"),
    GENERAL_BRANCH("党总支"),
    BRANCH("党支部");

    private final String label;

    OrganizationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
