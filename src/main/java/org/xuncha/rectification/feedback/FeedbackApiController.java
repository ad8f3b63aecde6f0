package org.xuncha.rectification.feedback;

import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.FeedbackStatus;

/**
 * 反馈意见 as JSON beside the pages, with the same roles, scope and rules. {@code version} is the row version as read.
 * A TARGET (and DISCIPLINE, ORG_DEPT) gets {@link TargetFeedbackView}s: wording and headings, nothing else.
 */
@RestController
class FeedbackApiController {

    private final FeedbackLetters letters;
    private final FeedbackReview review;
    private final FeedbackTerms terms;

    FeedbackApiController(FeedbackLetters letters, FeedbackReview review, FeedbackTerms terms) {
        this.letters = letters;
        this.review = review;
        this.terms = terms;
    }

    /** One row of the list; for the delivered-only readers the finding-side fields stay out (no items here). */
    record Summary(long id, long inspectionId, String teamName, long organizationId, String organizationName,
                   String title, FeedbackStatus status, String statusLabel, String deliveredOn, String planDueOn,
                   String reportDueOn) {
        static Summary of(FeedbackView f) {
            return new Summary(f.id(), f.inspectionId(), f.teamName(), f.organizationId(), f.organizationName(),
                    f.title(), f.status(), f.status().label(), s(f.deliveredOn()), s(f.planDueOn()),
                    s(f.reportDueOn()));
        }

        private static String s(Object o) {
            return o == null ? null : o.toString();
        }
    }

    @GetMapping("/api/rectification/feedback")
    @PreAuthorize(FeedbackController.READERS)
    List<Summary> list(DataScope scope) {
        return letters.list(scope).stream().map(Summary::of).toList();
    }

    @GetMapping("/api/rectification/feedback/candidates")
    @PreAuthorize(FeedbackController.OFFICE)
    List<FeedbackLetters.Candidate> candidates(DataScope scope) {
        return letters.candidates(scope);
    }

    record DraftRequest(Long inspectionId, Long organizationId) {
    }

    @PostMapping("/api/rectification/feedback")
    @PreAuthorize(FeedbackController.OFFICE)
    FeedbackView draft(@RequestBody DraftRequest r, DataScope scope) {
        if (r.inspectionId() == null || r.organizationId() == null) {
            throw new UserInputException("请选择巡察和被巡察单位");
        }
        return letters.get(scope, letters.draft(scope, r.inspectionId(), r.organizationId()));
    }

    @GetMapping("/api/rectification/feedback/{id}")
    @PreAuthorize(FeedbackController.READERS)
    Object get(@PathVariable long id, DataScope scope) {
        return FeedbackScope.full(scope) ? letters.get(scope, id) : letters.delivered(scope, id);
    }

    @GetMapping("/api/rectification/feedback/{id}/comparison")
    @PreAuthorize(FeedbackController.ACTORS + " or hasAnyRole('TEAM_LEADER','TEAM_MEMBER')")
    FeedbackLetters.Comparison comparison(@PathVariable long id, DataScope scope) {
        return letters.comparison(scope, id);
    }

    @GetMapping("/api/rectification/feedback/{id}/trail")
    @PreAuthorize(FeedbackController.ACTORS + " or hasAnyRole('TEAM_LEADER','TEAM_MEMBER')")
    FeedbackReview.Trail trail(@PathVariable long id, DataScope scope) {
        return review.trail(scope, id);
    }

    record ItemRequest(Long findingId, String wording) {
    }

    record EditRequest(Integer version, String title, String opening, String closing, List<ItemRequest> items) {
    }

    @PostMapping("/api/rectification/feedback/{id}/edit")
    @PreAuthorize(FeedbackController.OFFICE)
    FeedbackView edit(@PathVariable long id, @RequestBody EditRequest r, DataScope scope) {
        letters.get(scope, id);
        letters.edit(scope, id, v(r.version()), r.title(), r.opening(), r.closing(), r.items() == null ? List.of()
                : r.items().stream().map(i -> i == null ? null
                : new FeedbackLetters.ItemText(i.findingId(), i.wording())).toList());
        return letters.get(scope, id);
    }

    record StepRequest(Integer version, String opinion) {
    }

    @PostMapping("/api/rectification/feedback/{id}/pass")
    @PreAuthorize(FeedbackController.ACTORS)
    FeedbackView pass(@PathVariable long id, @RequestBody StepRequest r, DataScope scope) {
        letters.get(scope, id);
        review.pass(scope, id, v(r.version()), r.opinion());
        return letters.get(scope, id);
    }

    @PostMapping("/api/rectification/feedback/{id}/return")
    @PreAuthorize(FeedbackController.ACTORS)
    FeedbackView giveBack(@PathVariable long id, @RequestBody StepRequest r, DataScope scope) {
        letters.get(scope, id);
        review.returnForRevision(scope, id, v(r.version()), r.opinion());
        return letters.get(scope, id);
    }

    @PostMapping("/api/rectification/feedback/{id}/check-names")
    @PreAuthorize(FeedbackController.OFFICE)
    Map<String, Object> checkNames(@PathVariable long id, DataScope scope) {
        return review.checkNames(scope, id).<Map<String, Object>>map(m -> Map.of("clear", false, "message", m))
                .orElse(Map.of("clear", true));
    }

    record SessionRequest(String session, String heldOn, String place, String attendees, String note) {
    }

    @PostMapping("/api/rectification/feedback/{id}/sessions")
    @PreAuthorize(FeedbackController.OFFICE)
    FeedbackReview.Trail session(@PathVariable long id, @RequestBody SessionRequest r, DataScope scope) {
        letters.get(scope, id);
        review.recordSession(scope, id, FeedbackForms.choice(FeedbackSession.class, r.session(), "反馈方式"),
                FeedbackForms.date(r.heldOn(), "会议日期"), r.place(), r.attendees(), r.note());
        return review.trail(scope, id);
    }

    record CopyRequest(String recipient, String addressee, String sentOn) {
    }

    @PostMapping("/api/rectification/feedback/{id}/copies")
    @PreAuthorize(FeedbackController.OFFICE)
    FeedbackReview.Trail copy(@PathVariable long id, @RequestBody CopyRequest r, DataScope scope) {
        letters.get(scope, id);
        review.recordCopy(scope, id, FeedbackForms.choice(CopyRecipient.class, r.recipient(), "抄告对象"),
                r.addressee(), FeedbackForms.date(r.sentOn(), "抄告日期"));
        return review.trail(scope, id);
    }

    record DeliverRequest(Integer version, String deliveredOn) {
    }

    @PostMapping("/api/rectification/feedback/{id}/deliver")
    @PreAuthorize(FeedbackController.OFFICE)
    FeedbackReview.Delivered deliver(@PathVariable long id, @RequestBody DeliverRequest r, DataScope scope) {
        letters.get(scope, id);
        return review.deliver(scope, id, v(r.version()), FeedbackForms.date(r.deliveredOn(), "反馈日期"));
    }

    @GetMapping("/api/rectification/feedback/settings")
    @PreAuthorize(FeedbackController.OFFICE)
    FeedbackTerms.Settings settings(DataScope scope) {
        return terms.settings(scope);
    }

    record TermRequest(Integer version, Integer planWorkingDays, Integer reportMonths) {
    }

    @PostMapping("/api/rectification/feedback/settings")
    @PreAuthorize(FeedbackController.OFFICE)
    FeedbackTerms.Settings changeSettings(@RequestBody TermRequest r, DataScope scope) {
        terms.change(scope, v(r.version()), r.planWorkingDays(), r.reportMonths());
        return terms.settings(scope);
    }

    private static int v(Integer version) {
        return version == null ? -1 : version;
    }
}
