package org.xuncha.supervision;

import java.util.Arrays;
import java.util.Optional;

/** Whom a 约谈 talks to: the organization's 一把手 (主要负责人) or a 分管领导. */
public enum TalkeeKind {
    LEADING("一把手"),
    DEPUTY("分管领导");

    private final String label;

    TalkeeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<TalkeeKind> parse(String name) {
        return Arrays.stream(values()).filter(v -> v.name().equals(name)).findFirst();
    }
}
