package org.xuncha.referral.clock;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.TransferStatus;

/**
 * A transferred item as its clocks show it: due and reminder dates, {@code overdue} (due before today and not
 * closed, as of the reading), 挂牌督办 since when, its body's progress cycle, whether this cycle's report is missing,
 * and the latest report (in lists). Never the persons.
 */
public record ClockItem(long id, long bodyId, String title, ReceiverKind receiverKind, String receiverDepartment,
                        TransferStatus status, OffsetDateTime signedAt, LocalDate dueOn, LocalDate remindOn,
                        boolean overdue, boolean supervised, LocalDate supervisedSince, int version,
                        ProgressCycle cycle, boolean progressMissing, ProgressEntry lastProgress) {

    ClockItem withLastProgress(ProgressEntry last) {
        return new ClockItem(id, bodyId, title, receiverKind, receiverDepartment, status, signedAt, dueOn, remindOn,
                overdue, supervised, supervisedSince, version, cycle, progressMissing, last);
    }

    /** 已办结: no clock runs, nothing to supervise. */
    public boolean closed() {
        return status == TransferStatus.CLOSED;
    }

    /** The receiver as a person reads it: the department's name, or the kind's label. */
    public String receiver() {
        return receiverDepartment != null ? receiverDepartment : receiverKind.label();
    }
}
