package org.xuncha.findings.worklog;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.xuncha.inspection.InspectionStage;

/**
 * A log as every reader of the inspection sees it: never the sealed interviewee or notes (see {@link TalkRecord}).
 */
public record WorkLogView(long id, long inspectionId, String teamName, InspectionStage stage, WorkLogKind kind,
                          LocalDate heldOn, String place, String subject, TalkCategory talkCategory,
                          List<String> inspectors, Integer personsCount, Integer issuedCount, Integer returnedCount,
                          String period, Integer pages, String readBy, WorkLogStatus status, String withdrawReason,
                          int version, OffsetDateTime createdAt, OffsetDateTime updatedAt, int attachments) {

    public boolean withdrawn() {
        return status == WorkLogStatus.WITHDRAWN;
    }
}
