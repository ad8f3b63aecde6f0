package org.xuncha.inspection;

import java.util.Optional;

/**
 * The life of an inspection (docs/design.md §3). A stage only moves forward, one step at a time; what a move requires
 * besides the role is checked by {@code Inspections} before it asks {@link #next()}.
 */
public enum InspectionStage {
    PREPARING("准备"),
    STATIONED("进驻"),
    REPORTING("报告"),
    FEEDBACK("反馈"),
    RECTIFYING("整改"),
    CLOSED("报结");

    private final String label;

    InspectionStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The only stage this one may move to; empty for CLOSED. */
    public Optional<InspectionStage> next() {
        return this == CLOSED ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    public boolean canMoveTo(InspectionStage target) {
        return next().filter(target::equals).isPresent();
    }

    /** Whether the inspection has reached this stage or gone past it. */
    public boolean reached(InspectionStage stage) {
        return ordinal() >= stage.ordinal();
    }

    /** An organization counts as covered (全覆盖) once an inspection of it reached FEEDBACK. */
    public boolean covers() {
        return reached(FEEDBACK);
    }
}
