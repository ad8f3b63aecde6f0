package org.xuncha.referral;

import java.time.LocalDate;

import org.xuncha.common.BodyId;
import org.xuncha.common.InspectionId;

/** A 投案自首 was recorded by a discipline body; {@code inspection} when an inspection prompted it (else null). */
public record SurrenderRecorded(long surrenderId, BodyId body, InspectionId inspection, LocalDate surrenderedOn) {
}
