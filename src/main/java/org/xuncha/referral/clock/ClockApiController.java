package org.xuncha.referral.clock;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.ResultPage;

/**
 * Reply terms and 挂牌督办 as JSON beside the pages, with the same roles, scope and rules. {@code version} is the
 * row version as read (the term's, 0 for the defaults; the item's for 挂牌 and 摘牌).
 */
@RestController
class ClockApiController {

    private final ReplyClock clocks;
    private final Supervision supervision;

    ClockApiController(ReplyClock clocks, Supervision supervision) {
        this.clocks = clocks;
        this.supervision = supervision;
    }

    @GetMapping("/api/referrals/settings")
    @PreAuthorize(ReplyTermController.OFFICE)
    ReplyClock.Settings settings(DataScope scope) {
        return clocks.settings(scope);
    }

    record TermRequest(Integer version, Integer replyMonths, Integer remindDays, String progressCycle) {
    }

    @PostMapping("/api/referrals/settings")
    @PreAuthorize(ReplyTermController.OFFICE)
    ReplyClock.Settings change(@RequestBody TermRequest r, DataScope scope) {
        clocks.changeTerm(scope, r.version() == null ? -1 : r.version(), r.replyMonths(), r.remindDays(),
                ReplyTermForm.cycle(r.progressCycle()));
        return clocks.settings(scope);
    }

    @GetMapping("/api/referrals/supervised")
    @PreAuthorize(SupervisionController.READERS)
    ResultPage<ClockItem> list(@RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size, DataScope scope) {
        return supervision.list(scope, ResultPage.clampPage(page), ResultPage.clampSize(size));
    }

    @GetMapping("/api/referrals/supervised/{id}")
    @PreAuthorize(SupervisionController.READERS)
    Supervision.Detail get(@PathVariable long id, DataScope scope) {
        return supervision.detail(scope, id);
    }

    record MarkRequest(Integer version, String reason) {
    }

    @PostMapping("/api/referrals/supervised/{id}/mark")
    @PreAuthorize(ReplyTermController.OFFICE)
    Supervision.Detail mark(@PathVariable long id, @RequestBody MarkRequest r, DataScope scope) {
        supervision.mark(scope, id, r.version() == null ? -1 : r.version(), r.reason());
        return supervision.detail(scope, id);
    }

    @PostMapping("/api/referrals/supervised/{id}/unmark")
    @PreAuthorize(ReplyTermController.OFFICE)
    Supervision.Detail unmark(@PathVariable long id, @RequestBody MarkRequest r, DataScope scope) {
        supervision.unmark(scope, id, r.version() == null ? -1 : r.version(), r.reason());
        return supervision.detail(scope, id);
    }

    record ProgressRequest(String progress, Boolean correction) {
    }

    @PostMapping("/api/referrals/supervised/{id}/progress")
    @PreAuthorize(SupervisionController.RECEIVERS)
    ProgressEntry progress(@PathVariable long id, @RequestBody ProgressRequest r, DataScope scope) {
        return supervision.report(scope, id, r.progress(), Boolean.TRUE.equals(r.correction()));
    }
}
