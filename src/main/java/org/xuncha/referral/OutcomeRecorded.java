package org.xuncha.referral;

import java.time.LocalDate;

import org.xuncha.common.BodyId;
import org.xuncha.common.InspectionId;

/**
 * An outcome event was recorded on a transferred item (referral.outcome), for the report card and figures. Carries
 * what a listener needs without reading back: the transferring body, the inspection (null for a petition without
 * one), the event's kind and code name (null when it takes none), the person's id (findings' problem_lead_person id,
 * null for the item) and, for a correction, the id of the event it replaces ({@code corrects}; that event no longer
 * counts). {@code closedItem}: the item became 已办结 with this event. Ids only: no names, no text.
 */
public record OutcomeRecorded(long outcomeId, TransferItemId item, BodyId body, InspectionId inspection,
                              OutcomeKind kind, String code, Long personId, LocalDate occurredOn, Long corrects,
                              boolean closedItem) {
}
