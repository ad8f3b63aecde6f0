package org.xuncha.intake;

import java.time.OffsetDateTime;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.UserId;

/**
 * The way a transferred petition's 办理结果 reaches intake (issue 13 §1: one mechanism and one worklist for
 * everything transferred). The receiver records its outcome in the referral module; referral calls
 * {@link #recordOutcome} in the same transaction, so intake's rule that a petition transferred to the 纪委监委信访室 is
 * closed only after its outcome is in keeps holding, now fed by referral. Intake has no page of its own for it.
 *
 * <p>Contract: the caller (referral) has checked the writer against its own scope rule; intake accepts the text only
 * for a petition that was transferred ({@code transferred_at} set) and is still in handling; every version is kept
 * as an OUTCOME revision (append-only), the audit names the revision, never the text. The text is the receiver's
 * current record as referral computes it (corrections applied); {@link #clearOutcome} when nothing stands.
 */
@Service
public class TransferredPetitionOutcomes {

    private final PetitionRepository petitions;
    private final AuditTrail audit;

    TransferredPetitionOutcomes(PetitionRepository petitions, AuditTrail audit) {
        this.petitions = petitions;
        this.audit = audit;
    }

    /**
     * Writes {@code text} as the petition's current outcome and appends it as a revision by {@code by}; false when
     * the petition is not transferred, closed, or unknown (nothing changed).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean recordOutcome(PetitionId id, String text, OffsetDateTime at, UserId by) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            return false;
        }
        if (clean.length() > 2000) {
            clean = clean.substring(0, 2000);
        }
        if (!petitions.recordTransferredOutcome(id.value(), clean, at)) {
            return false;
        }
        int revision = petitions.insertRevision(id.value(), PetitionTextKind.OUTCOME, clean,
                by == null ? null : by.value(), at);
        audit.success("PETITION_OUTCOME_RECORDED", "Petition", id.value(), "revision=" + revision);
        return true;
    }

    /** The revision text that marks an outcome withdrawn as a whole (the revision table keeps no empty text). */
    static final String CLEARED = "（办理结果已全部撤销，当前无有效办理结果）";

    /**
     * The receiver withdrew every outcome it had recorded (referral's RETRACTED corrections leave nothing standing):
     * the petition's outcome is cleared, so the team cannot close it on a withdrawn result, and the withdrawal is
     * kept as an OUTCOME revision ({@link #CLEARED}). False, nothing changed, for a petition not transferred, closed
     * or unknown, or with no outcome to clear.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean clearOutcome(PetitionId id, OffsetDateTime at, UserId by) {
        if (!petitions.clearTransferredOutcome(id.value())) {
            return false;
        }
        int revision = petitions.insertRevision(id.value(), PetitionTextKind.OUTCOME, CLEARED,
                by == null ? null : by.value(), at);
        audit.success("PETITION_OUTCOME_RECORDED", "Petition", id.value(), "revision=" + revision + "; cleared=true");
        return true;
    }
}
