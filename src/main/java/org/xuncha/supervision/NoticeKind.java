package org.xuncha.supervision;

import java.util.Arrays;
import java.util.Optional;

/** A 通报 of units: praise of good rectification or criticism of poor rectification. */
public enum NoticeKind {
    PRAISE("表扬通报"),
    CRITICISM("批评通报");

    private final String label;

    NoticeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<NoticeKind> parse(String name) {
        return Arrays.stream(values()).filter(v -> v.name().equals(name)).findFirst();
    }
}
