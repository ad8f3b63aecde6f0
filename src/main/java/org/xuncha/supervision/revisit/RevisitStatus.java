package org.xuncha.supervision.revisit;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a 回访 stands: scheduled from the feedback (计划), under way once the team starts its checks (进行中), and
 * completed (已完成) when the four checks are done — which also closes its questionnaire's public link. Only forward,
 * one step at a time.
 */
public enum RevisitStatus {
    PLANNED("计划"),
    IN_PROGRESS("进行中"),
    COMPLETED("已完成");

    private final String label;

    RevisitStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The one state this one moves to, if any. */
    public Optional<RevisitStatus> next() {
        return switch (this) {
            case PLANNED -> Optional.of(IN_PROGRESS);
            case IN_PROGRESS -> Optional.of(COMPLETED);
            case COMPLETED -> Optional.empty();
        };
    }

    public boolean canMoveTo(RevisitStatus target) {
        return next().filter(n -> n == target).isPresent();
    }

    /** The planned date may change only before the revisit starts. */
    public boolean replannable() {
        return this == PLANNED;
    }

    /** Checks and item results are recorded while the revisit is under way. */
    public boolean recording() {
        return this == IN_PROGRESS;
    }

    /** The questionnaire answers until the revisit is completed. */
    public boolean surveyOpen() {
        return this != COMPLETED;
    }

    public static Optional<RevisitStatus> parse(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
