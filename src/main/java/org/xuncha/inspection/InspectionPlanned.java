package org.xuncha.inspection;

import org.xuncha.common.BodyId;
import org.xuncha.common.InspectionId;
import org.xuncha.common.RoundId;

/** An inspection was arranged in a round (stage PREPARING); published by {@link Inspections#create}. */
public record InspectionPlanned(InspectionId inspection, BodyId body, RoundId round, String teamName, boolean cross) {
}
