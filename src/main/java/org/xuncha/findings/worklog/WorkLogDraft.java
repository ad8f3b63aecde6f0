package org.xuncha.findings.worklog;

import java.time.LocalDate;
import java.util.List;

/**
 * What a team member enters for one log; the service checks the fields its kind needs. intervieweeName,
 * intervieweePost and notes are sealed before they are stored (talks only).
 */
public record WorkLogDraft(WorkLogKind kind, LocalDate heldOn, String place, String subject, TalkCategory talkCategory,
                           List<Long> inspectorIds, String intervieweeName, String intervieweePost, String notes,
                           Integer personsCount, Integer issuedCount, Integer returnedCount, String period,
                           Integer pages, String readBy) {

    public WorkLogDraft {
        inspectorIds = inspectorIds == null ? List.of() : List.copyOf(inspectorIds);
    }
}
