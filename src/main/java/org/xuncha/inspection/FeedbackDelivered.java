package org.xuncha.inspection;

import java.time.LocalDate;
import java.util.List;

import org.xuncha.common.BodyId;
import org.xuncha.common.InspectionId;
import org.xuncha.common.OrganizationId;
import org.xuncha.common.RoundId;

/**
 * 反馈: the inspection's findings were fed back to its targets on {@code on} (REPORTING → FEEDBACK); from here on the
 * targets count as covered (全覆盖) when the date lies in a term's years.
 */
public record FeedbackDelivered(InspectionId inspection, BodyId body, RoundId round, String teamName, boolean cross,
                                LocalDate on, List<OrganizationId> targets) implements InspectionStageReached {

    public FeedbackDelivered {
        targets = List.copyOf(targets);
    }

    @Override
    public InspectionStage reached() {
        return InspectionStage.FEEDBACK;
    }
}
