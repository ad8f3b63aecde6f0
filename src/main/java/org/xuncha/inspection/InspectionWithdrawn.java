package org.xuncha.inspection;

import java.time.LocalDate;

import org.xuncha.common.BodyId;
import org.xuncha.common.InspectionId;
import org.xuncha.common.RoundId;

/**
 * 撤离: the team withdrew on {@code on} (STATIONED → REPORTING, the team now writes its report) and the public
 * channel closed; the team is final from here on.
 */
public record InspectionWithdrawn(InspectionId inspection, BodyId body, RoundId round, String teamName, boolean cross,
                                  LocalDate on) implements InspectionStageReached {

    @Override
    public InspectionStage reached() {
        return InspectionStage.REPORTING;
    }
}
