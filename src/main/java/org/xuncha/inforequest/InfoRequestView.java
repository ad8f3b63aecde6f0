package org.xuncha.inforequest;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.xuncha.inspection.InspectionStage;

/**
 * One information request as a list row or the head of its detail page. {@code overdue}: still SENT and the due
 * date is before today (China time); derived, never stored.
 */
record InfoRequestView(long id, long inspectionId, String teamName, InspectionStage inspectionStage,
                       long organizationId, String organizationName, String department, String question,
                       LocalDate dueOn, InfoRequestStatus status, OffsetDateTime sentAt, String sentBy, String answer,
                       OffsetDateTime answeredAt, String answeredBy, int attachmentCount, boolean overdue) {

    private static final java.time.format.DateTimeFormatter SHOWN =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** When it was sent, China time. */
    public String sentAtText() {
        return sentAt == null ? "" : sentAt.atZoneSameInstant(InfoRequestDesk.CHINA).format(SHOWN);
    }

    /** When it was answered, China time; empty while unanswered. */
    public String answeredAtText() {
        return answeredAt == null ? "" : answeredAt.atZoneSameInstant(InfoRequestDesk.CHINA).format(SHOWN);
    }

    public String statusLabel() {
        return overdue ? "逾期未答复" : status.label();
    }
}
