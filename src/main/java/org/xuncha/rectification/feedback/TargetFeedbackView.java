package org.xuncha.rectification.feedback;

import java.time.LocalDate;
import java.util.List;

/**
 * A delivered 反馈意见 as the inspected organization (TARGET) reads it — also what DISCIPLINE and ORG_DEPT read: the
 * text in the fed-back wording under its headings and the reporting deadlines; no finding id, no source, no trail.
 */
public record TargetFeedbackView(long id, String organizationName, String teamName, String title, String opening,
                                 List<Heading> headings, String closing, LocalDate deliveredOn, LocalDate planDueOn,
                                 LocalDate reportDueOn) {

    /** The problems under one heading, in the fed-back wording. */
    public record Heading(String numberedLabel, List<Problem> problems) {
    }

    public record Problem(int position, String wording) {
    }

    static TargetFeedbackView of(FeedbackView f) {
        List<Heading> headings = f.headings().stream().map(h -> new Heading(h.numberedLabel(),
                h.items().stream().map(i -> new Problem(i.position(), i.wording())).toList())).toList();
        return new TargetFeedbackView(f.id(), f.organizationName(), f.teamName(), f.title(), f.opening(), headings,
                f.closing(), f.deliveredOn(), f.planDueOn(), f.reportDueOn());
    }
}
