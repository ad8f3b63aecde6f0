package org.xuncha.referral.receiving;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.SubjectKind;
import org.xuncha.referral.TransferStatus;

/**
 * A transferred item as the worklist and the item page show it. {@code receiverName}: the receiver kind's label, with
 * the department for a department; {@code bodyName}: the transferring body; {@code overdue}: past its due date and
 * not closed (or marked overdue by the daily job).
 */
public record ReceivedItem(long id, SubjectKind subject, long subjectId, long bodyId, String bodyName,
                           Long inspectionId, long letterId, String letterNo, ReceiverKind receiverKind,
                           long receiverBodyId, String receiverDepartment, String receiverBodyName, String title,
                           int personCount, TransferStatus status, OffsetDateTime transferredAt, String signedByName,
                           OffsetDateTime signedAt, LocalDate dueOn, LocalDate remindOn, boolean overdue,
                           boolean supervised, int rowVersion) {

    public String receiverName() {
        return receiverDepartment == null ? receiverKind.label() : receiverKind.label() + "（" + receiverDepartment + "）";
    }
}
