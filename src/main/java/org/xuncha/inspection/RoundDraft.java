package org.xuncha.inspection;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What an office gives to create or edit a round. A blank ordinal takes the next free number of the term, a blank
 * name becomes 第N轮. Actual dates are normally set by the stage moves of the round's inspections; an edit may
 * correct them. {@code version} is checked on edit only.
 */
record RoundDraft(Long termId, Integer ordinal, String name,
                         @DateTimeFormat(iso = ISO.DATE) LocalDate plannedStationOn,
                         @DateTimeFormat(iso = ISO.DATE) LocalDate plannedWithdrawOn,
                         @DateTimeFormat(iso = ISO.DATE) LocalDate plannedFeedbackOn,
                         @DateTimeFormat(iso = ISO.DATE) LocalDate actualStationOn,
                         @DateTimeFormat(iso = ISO.DATE) LocalDate actualWithdrawOn,
                         @DateTimeFormat(iso = ISO.DATE) LocalDate actualFeedbackOn,
                         Integer version) {

    static RoundDraft of(RoundView r) {
        return new RoundDraft(r.termId(), r.ordinal(), r.name(), r.plannedStationOn(), r.plannedWithdrawOn(),
                r.plannedFeedbackOn(), r.actualStationOn(), r.actualWithdrawOn(), r.actualFeedbackOn(), r.version());
    }
}
