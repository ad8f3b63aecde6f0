package org.xuncha.findings;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;

/**
 * What the referral module needs of problem leads to transfer them (移交) and to let the receivers work on them.
 * Implemented by findings.lead.
 *
 * <p>Contract: a lead is transferable when it is reported (已报告), not withdrawn and not yet transferred, and the
 * caller is the OFFICE of the inspection's body (a writable body); anyone else reads none. {@link #markTransferred}
 * is the only write: it runs in the caller's transaction and succeeds once per lead. After the transfer the referral
 * module's own scope rule decides who reads a lead, so {@link #transferred} and {@link #openPersons} take no scope:
 * they answer only for transferred leads, and the caller checks the reader and audits every opening.
 */
public interface TransferableLeads {

    /** The office's leads awaiting transfer, oldest report first. */
    List<TransferableLead> awaitingTransfer(DataScope scope);

    /** One lead the caller's office may transfer now, or empty (a forged or foreign id reads as absent). */
    Optional<TransferableLead> transferable(DataScope scope, LeadId id);

    /**
     * Records that the lead left the team for {@code receiverLabel} (it can no longer be withdrawn); false when it
     * is no longer transferable (withdrawn or transferred meanwhile), so the caller rolls its batch back.
     */
    boolean markTransferred(LeadId id, String receiverLabel, OffsetDateTime at);

    /** A transferred lead, or empty when the lead was never transferred. */
    Optional<TransferableLead> transferred(LeadId id);

    /** The persons of a transferred lead with their identities opened; empty when it was never transferred. */
    List<OpenedPerson> openPersons(LeadId id);

    /**
     * A lead as the receivers see it. {@code discipline} is null for 涉嫌违法 ({@code violationLabel} says which);
     * persons carry no identity, only their rank.
     */
    record TransferableLead(LeadId id, InspectionId inspection, BodyId body, String teamName, boolean cross,
                            String title, String description, DisciplineTag discipline, String violationLabel,
                            boolean urgent, String sourceLabel, OffsetDateTime reportedAt,
                            List<PersonRef> persons) {
    }

    /** An involved person without identity: {@code personId} is stable once the lead is reported. */
    record PersonRef(long personId, int position, String rankLabel) {
    }

    record OpenedPerson(long personId, int position, String name, String idNumber, String post, String rankLabel) {
    }
}
