package org.xuncha.referral.outcome;

import java.time.LocalDate;

import org.xuncha.referral.OutcomeKind;

/**
 * What a receiver enters for one outcome event, already parsed from a form or JSON ({@code code}: the enum name of
 * the kind's coded choice, checked by the service; amounts in fen, null meaning none).
 */
record OutcomeDraft(OutcomeKind kind, String code, Long personId, LocalDate occurredOn, Long recoveredFen,
                    Long lossRetrievedFen, String note) {
}
