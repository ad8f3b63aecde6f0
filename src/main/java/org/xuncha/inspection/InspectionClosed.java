package org.xuncha.inspection;

import java.time.LocalDate;

import org.xuncha.common.BodyId;
import org.xuncha.common.InspectionId;
import org.xuncha.common.RoundId;

/** 报结: the inspection was closed on {@code on} (RECTIFYING → CLOSED), with a note in its stage history. */
public record InspectionClosed(InspectionId inspection, BodyId body, RoundId round, String teamName, boolean cross,
                               LocalDate on) implements InspectionStageReached {

    @Override
    public InspectionStage reached() {
        return InspectionStage.CLOSED;
    }
}
