package org.xuncha.inspection;

import java.time.LocalDate;
import java.util.List;

import org.xuncha.common.BodyId;
import org.xuncha.common.InspectionId;
import org.xuncha.common.OrganizationId;
import org.xuncha.common.RoundId;

/**
 * 进驻: the team was stationed on {@code on} (PREPARING → STATIONED) and the public channel opened. The targets,
 * main and extension units, are final from here on.
 */
public record InspectionStationed(InspectionId inspection, BodyId body, RoundId round, String teamName, boolean cross,
                                  LocalDate on, List<OrganizationId> targets) implements InspectionStageReached {

    public InspectionStationed {
        targets = List.copyOf(targets);
    }

    @Override
    public InspectionStage reached() {
        return InspectionStage.STATIONED;
    }
}
