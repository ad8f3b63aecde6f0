package org.xuncha.rectification.plan;

import java.time.LocalDate;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.common.DataScope;
import org.xuncha.documents.WordDownloads;
import org.xuncha.platform.web.ResultPage;

/**
 * 整改方案 as JSON beside the pages, with the same roles, scope and rules. {@code version} is the plan's row version
 * as read (an item's own for an item edit); a refusal answers 400 with its Chinese message and changes nothing.
 */
@RestController
class PlanApiController {

    private final Plans plans;
    private final PlanReviews reviews;
    private final PlanDocuments documents;

    PlanApiController(Plans plans, PlanReviews reviews, PlanDocuments documents) {
        this.plans = plans;
        this.reviews = reviews;
        this.documents = documents;
    }

    @GetMapping("/api/rectification/plans")
    @PreAuthorize(PlanController.READERS)
    ResultPage<PlanEntry> list(@RequestParam(required = false) String status,
                               @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size, DataScope scope) {
        return plans.list(scope, PlanController.filter(status), ResultPage.clampPage(page),
                ResultPage.clampSize(size));
    }

    record OpenRequest(Long feedback) {
    }

    @PostMapping("/api/rectification/plans")
    @PreAuthorize(PlanController.TARGET)
    PlanView open(@RequestBody(required = false) OpenRequest request, DataScope scope) {
        long id = plans.open(scope, request == null || request.feedback() == null ? -1 : request.feedback());
        return plans.view(scope, id);
    }

    @GetMapping("/api/rectification/plans/{id}")
    @PreAuthorize(PlanController.READERS)
    PlanView get(@PathVariable long id, DataScope scope) {
        return plans.view(scope, id);
    }

    record ItemRequest(Integer version, Long problem, String goal, String measures, String leaderName,
                       String department, String handlerName, LocalDate dueOn, String mechanism) {
        ItemDraft draft() {
            return new ItemDraft(problem, goal, measures, leaderName, department, handlerName, dueOn, mechanism);
        }
    }

    static int version(Integer v) {
        return v == null ? -1 : v;
    }

    @PostMapping("/api/rectification/plans/{id}/items")
    @PreAuthorize(PlanController.TARGET)
    PlanView addItem(@PathVariable long id, @RequestBody(required = false) ItemRequest r, DataScope scope) {
        plans.addItem(scope, id, r == null ? -1 : version(r.version()), r == null ? null : r.draft());
        return plans.view(scope, id);
    }

    @PostMapping("/api/rectification/plans/{id}/items/{item}")
    @PreAuthorize(PlanController.TARGET)
    PlanView changeItem(@PathVariable long id, @PathVariable long item, @RequestBody(required = false) ItemRequest r,
                        DataScope scope) {
        plans.changeItem(scope, id, item, r == null ? -1 : version(r.version()), r == null ? null : r.draft());
        return plans.view(scope, id);
    }

    record VersionRequest(Integer version) {
    }

    @PostMapping("/api/rectification/plans/{id}/items/{item}/delete")
    @PreAuthorize(PlanController.TARGET)
    PlanView removeItem(@PathVariable long id, @PathVariable long item,
                        @RequestBody(required = false) VersionRequest r, DataScope scope) {
        plans.removeItem(scope, id, item, r == null ? -1 : version(r.version()));
        return plans.view(scope, id);
    }

    record SignRequest(Integer version, String password, String post) {
    }

    @PostMapping("/api/rectification/plans/{id}/sign")
    @PreAuthorize(PlanController.TARGET)
    PlanView sign(@PathVariable long id, @RequestBody(required = false) SignRequest r, DataScope scope) {
        plans.sign(scope, id, r == null ? -1 : version(r.version()), r == null ? null : r.password(),
                r == null ? null : r.post());
        return plans.view(scope, id);
    }

    @PostMapping("/api/rectification/plans/{id}/submit")
    @PreAuthorize(PlanController.TARGET)
    PlanView submit(@PathVariable long id, @RequestBody(required = false) VersionRequest r, DataScope scope) {
        plans.submit(scope, id, r == null ? -1 : version(r.version()));
        return plans.view(scope, id);
    }

    record LifeMeetingRequest(Integer version, LocalDate heldOn) {
    }

    @PostMapping("/api/rectification/plans/{id}/life-meeting")
    @PreAuthorize(PlanController.TARGET)
    PlanView lifeMeeting(@PathVariable long id, @RequestBody(required = false) LifeMeetingRequest r,
                         DataScope scope) {
        plans.recordLifeMeeting(scope, id, r == null ? -1 : version(r.version()), r == null ? null : r.heldOn());
        return plans.view(scope, id);
    }

    @PostMapping("/api/rectification/plans/{id}/opinions")
    @PreAuthorize(PlanController.REVIEWERS)
    PlanView opinion(@PathVariable long id, @RequestBody(required = false) OpinionDraft r, DataScope scope) {
        reviews.giveOpinion(scope, id, r);
        return plans.view(scope, id);
    }

    @PostMapping("/api/rectification/plans/{id}/approve")
    @PreAuthorize(PlanController.OFFICE)
    PlanView approve(@PathVariable long id, @RequestBody(required = false) VersionRequest r, DataScope scope) {
        reviews.approve(scope, id, r == null ? -1 : version(r.version()));
        return plans.view(scope, id);
    }

    record ReturnRequest(Integer version, String reason) {
    }

    @PostMapping("/api/rectification/plans/{id}/return")
    @PreAuthorize(PlanController.OFFICE)
    PlanView giveBack(@PathVariable long id, @RequestBody(required = false) ReturnRequest r, DataScope scope) {
        reviews.giveBack(scope, id, r == null ? -1 : version(r.version()), r == null ? null : r.reason());
        return plans.view(scope, id);
    }

    @GetMapping("/api/rectification/plans/{id}/docx")
    @PreAuthorize(PlanController.READERS)
    ResponseEntity<byte[]> planDocx(@PathVariable long id, DataScope scope) {
        PlanDocuments.Download d = documents.plan(scope, id);
        return WordDownloads.attachment(d.fileName(), d.content());
    }

    @GetMapping("/api/rectification/plans/{id}/review-docx")
    @PreAuthorize(PlanController.READERS)
    ResponseEntity<byte[]> reviewDocx(@PathVariable long id, DataScope scope) {
        PlanDocuments.Download d = documents.review(scope, id);
        return WordDownloads.attachment(d.fileName(), d.content());
    }
}
