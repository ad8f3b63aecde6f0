package org.xuncha.supervision.revisit;

import java.util.Arrays;
import java.util.Optional;

/** An answer to one question of the 满意度测评; 满意 and 基本满意 count as satisfied. */
public enum SurveyChoice {
    SATISFIED("满意"),
    FAIRLY("基本满意"),
    DISSATISFIED("不满意");

    private final String label;

    SurveyChoice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean satisfied() {
        return this != DISSATISFIED;
    }

    public static Optional<SurveyChoice> parse(String name) {
        return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst();
    }
}
