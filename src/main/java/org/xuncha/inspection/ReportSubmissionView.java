package org.xuncha.inspection;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The record of an inspection's 巡察报告 having been sent to the leading group: date, note, who and when. */
public record ReportSubmissionView(LocalDate submittedOn, String note, String actor, OffsetDateTime occurredAt) {
}
