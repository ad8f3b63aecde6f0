package org.xuncha.inspection;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One move of an inspection's stage: from, to, the date it took effect, who and when, with the note given. */
record StageChangeView(InspectionStage from, InspectionStage to, LocalDate effectiveOn, String note,
                              String actor, OffsetDateTime occurredAt) {
}
