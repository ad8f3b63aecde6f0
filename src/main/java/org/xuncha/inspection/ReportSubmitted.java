package org.xuncha.inspection;

import java.time.LocalDate;

import org.xuncha.common.BodyId;
import org.xuncha.common.InspectionId;
import org.xuncha.common.RoundId;

/**
 * 报送巡察报告: the team sent its 巡察报告 to the leading group on {@code on}, after withdrawing and before feedback
 * (inside REPORTING, not a stage move of its own). Published by {@link InspectionStages#submitReport} in the
 * transaction that records the submission; an inspection submits once, so a listener sees one such event per
 * inspection and may still treat a repeat as a no-op.
 */
public record ReportSubmitted(InspectionId inspection, BodyId body, RoundId round, String teamName, boolean cross,
                              LocalDate on) {
}
