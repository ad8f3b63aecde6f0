package org.xuncha.referral.outcome;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.xuncha.referral.OutcomeCode;
import org.xuncha.referral.OutcomeKind;

/**
 * One row of {@code referral_outcome} as recorded (never changed): {@code personId} is findings'
 * problem_lead_person id or null for the whole item; {@code correctsId} the event this one replaces.
 */
record OutcomeEvent(long id, Long personId, OutcomeKind kind, String code, LocalDate occurredOn, long recoveredFen,
                    long lossRetrievedFen, String note, Long correctsId, String recordedByName,
                    OffsetDateTime recordedAt) {

    /** The coded choice with its label, or null when the kind takes none. */
    public OutcomeCode codeValue() {
        return code == null ? null : kind.code(code).orElse(null);
    }

    public String label() {
        OutcomeCode c = codeValue();
        return c == null ? kind.label() : kind.label() + "·" + c.label();
    }

    static String yuan(long fen) {
        return java.math.BigDecimal.valueOf(fen, 2).toPlainString();
    }

    public String recoveredShown() {
        return yuan(recoveredFen);
    }

    public String lossRetrievedShown() {
        return yuan(lossRetrievedFen);
    }
}
