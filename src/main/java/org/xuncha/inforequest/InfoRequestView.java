package org.xuncha.inforequest;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.xuncha.inspection.InspectionStage;

/**
 * One information request as a list row or the head of its detail page. {@code overdue}: still SENT and the due
 * date is before today (in the configured zone); derived, never stored. The instants are in the configured zone.
 */
record InfoRequestView(long id, long inspectionId, String teamName, InspectionStage inspectionStage,
                       long organizationId, String organizationName, String department, String question,
                       LocalDate dueOn, InfoRequestStatus status, OffsetDateTime sentAt, String sentBy, String answer,
                       OffsetDateTime answeredAt, String answeredBy, int attachmentCount, boolean overdue) {

    private static final java.time.format.DateTimeFormatter SHOWN =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** When it was sent, in the configured zone. */
    public String sentAtText() {
        return sentAt == null ? "" : sentAt.format(SHOWN);
    }

    /** When it was answered, in the configured zone; empty while unanswered. */
    public String answeredAtText() {
        return answeredAt == null ? "" : answeredAt.format(SHOWN);
    }

    public String statusLabel() {
        return overdue ? "逾期未答复" : status.label();
    }
}
