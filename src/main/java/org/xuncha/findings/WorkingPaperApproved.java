package org.xuncha.findings;

import java.time.OffsetDateTime;

import org.xuncha.common.InspectionId;
import org.xuncha.common.UserId;

/**
 * A working paper was approved by its team's leader (已审定): from now on a finding may be made from it. Published
 * in the approving transaction; a paper edited after approval and approved again publishes it again with the new
 * {@code version}.
 *
 * @param paperNo the paper's number, e.g. {@code [2026]清巡三组-01号}
 * @param version the content version that was approved
 */
public record WorkingPaperApproved(WorkingPaperId paper, InspectionId inspection, String paperNo, int version,
                                   UserId approvedBy, OffsetDateTime approvedAt) {
}
