package org.xuncha.rectification.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.xuncha.rectification.PlanStatus;

/**
 * A 整改方案 as read (rectification_plan with its feedback's title and dates, the organization's and the team's
 * names). {@code late}: first submitted after its due date (逾期报送), or still not submitted and past it.
 * {@code lifeMeetingLate}: the 专题民主生活会 was held more than a month after the feedback.
 */
public record Plan(long id, long feedbackId, long inspectionId, long organizationId, long bodyId, PlanStatus status,
                   LocalDate dueOn, String feedbackTitle, LocalDate deliveredOn, String organizationName,
                   String teamName, String bodyName, String officeName, Long signedBy, String signedByName,
                   String signedPost, OffsetDateTime signedAt, OffsetDateTime submittedAt, LocalDate firstSubmittedOn,
                   LocalDate approvedOn, LocalDate lifeMeetingOn, int reviewRound, String returnedReason,
                   int rowVersion, String createdByName, OffsetDateTime createdAt) {

    public boolean signed() {
        return signedAt != null;
    }

    /** Submitted after due_on the first time; a plan not yet submitted is late once today is past due_on. */
    public boolean lateOn(LocalDate today) {
        return firstSubmittedOn != null ? firstSubmittedOn.isAfter(dueOn) : today.isAfter(dueOn);
    }

    public boolean submittedLate() {
        return firstSubmittedOn != null && firstSubmittedOn.isAfter(dueOn);
    }

    /** The latest date the 专题民主生活会 is expected: a month after the feedback was delivered. */
    public LocalDate lifeMeetingDueOn() {
        return deliveredOn.plusMonths(1);
    }

    public boolean lifeMeetingLate() {
        return lifeMeetingOn != null && lifeMeetingOn.isAfter(lifeMeetingDueOn());
    }
}
