package org.xuncha.intake;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;

/**
 * What the referral module needs of petitions to transfer them (移交) with the leads, in one mechanism. Implemented
 * by intake ({@code PetitionTransfers}); the same contract shape as {@code findings.TransferableLeads}.
 *
 * <p>Contract: a petition is transferable when intake disposed it to another body (转纪委监委信访室 or 转其他部门),
 * it is still in handling (办理中) and not yet transferred, and the caller is the OFFICE of the inspection's body (a
 * writable body); anyone else reads none. {@link #markTransferred} and {@link #markRedirected} are the only
 * writes: they run in the caller's transaction, the first succeeds once per petition. The reporter's identity never leaves intake through this interface.
 */
public interface TransferablePetitions {

    /** The office's petitions awaiting transfer, oldest disposition first. */
    List<TransferablePetition> awaiting(DataScope scope);

    /** One petition the caller's office may transfer now, or empty (a forged or foreign id reads as absent). */
    Optional<TransferablePetition> transferable(DataScope scope, PetitionId id);

    /**
     * Records that the petition was transferred to {@code receiverLabel}; {@code disciplineBody} is the body whose
     * 纪委监委 receives it, null for any other receiver (组织部, a department): intake lets a DISCIPLINE account read
     * a petition only while it is with that account's own body's 纪委. False when it is no longer transferable
     * (closed or transferred meanwhile), so the caller rolls its batch back.
     */
    boolean markTransferred(PetitionId id, String receiverLabel, BodyId disciplineBody, OffsetDateTime at);

    /**
     * 转办: the transferred petition is now with {@code receiverLabel} ({@code disciplineBody} as in
     * {@link #markTransferred}), so the 纪委 it leaves stops reading it and the one it goes to starts. Runs in the
     * caller's transaction; false when the petition was never transferred (the caller rolls back).
     */
    boolean markRedirected(PetitionId id, String receiverLabel, BodyId disciplineBody);

    /**
     * What the receiver of a transferred petition may read of it: category, organization, received date and the
     * content as registered; never the reporter's identity, the receipt or the attachments (sealed, they stay in
     * intake). Empty unless the petition was transferred. The caller (referral) checks the reader and keeps to its
     * own scope rule, as with {@code TransferableLeads.transferred}.
     */
    Optional<TransferredPetition> transferred(PetitionId id);

    /** A transferred petition's readable content (see {@link #transferred}); labels in Chinese. */
    record TransferredPetition(PetitionId id, String teamName, String categoryLabel, String organizationName,
                               java.time.LocalDate receivedOn, String channelLabel, String content,
                               String dispositionLabel) {
    }

    /**
     * A petition as the transfer lists it: {@code toDiscipline} true for 转纪委监委信访室, false for 转其他部门 with
     * {@code receivingDepartment} as intake recorded it; {@code title} names its category and organization, never
     * the reporter; {@code dispositionLabel} is the disposition's Chinese label.
     */
    record TransferablePetition(PetitionId id, InspectionId inspection, BodyId body, String teamName, String title,
                                boolean toDiscipline, String receivingDepartment, String dispositionLabel,
                                OffsetDateTime disposedAt) {
    }
}
