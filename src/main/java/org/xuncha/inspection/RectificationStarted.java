package org.xuncha.inspection;

import java.time.LocalDate;

import org.xuncha.common.BodyId;
import org.xuncha.common.InspectionId;
import org.xuncha.common.RoundId;

/** 整改: the targets' rectification started on {@code on} (FEEDBACK → RECTIFYING). */
public record RectificationStarted(InspectionId inspection, BodyId body, RoundId round, String teamName, boolean cross,
                                   LocalDate on) implements InspectionStageReached {

    @Override
    public InspectionStage reached() {
        return InspectionStage.RECTIFYING;
    }
}
