package org.xuncha.supervision;

import java.util.Arrays;
import java.util.Optional;

/** The forms of 问责 the figures count (党内问责条例 and 监察法 forms, with 组织调整 for the organizational measures). */
public enum AccountabilityForm {
    ADMONITION_TALK("诫勉谈话"),
    CIRCULATED_CRITICISM("通报批评"),
    PARTY_DISCIPLINE("党纪处分"),
    GOVERNMENT_SANCTION("政务处分"),
    ORGANIZATIONAL_ADJUSTMENT("组织调整"),
    WRITTEN_REVIEW("责令检查");

    private final String label;

    AccountabilityForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<AccountabilityForm> parse(String name) {
        return Arrays.stream(values()).filter(v -> v.name().equals(name)).findFirst();
    }
}
