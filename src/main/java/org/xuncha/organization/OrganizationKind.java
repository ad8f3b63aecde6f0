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

    /** The enum whose Chinese label is {@code label}, for imports and forms; empty when none matches. */
    public static java.util.Optional<OrganizationKind> fromLabel(String label) {
        String l = label == null ? "" : label.strip();
        for (OrganizationKind v : values()) {
            if (v.label.equals(l) || v.name().equals(l)) {
                return java.util.Optional.of(v);
            }
        }
        return java.util.Optional.empty();
    }

    public static java.util.List<String> labels() {
        return java.util.Arrays.stream(values()).map(v -> v.label).toList();
    }
}
