package org.xuncha.findings.worklog;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.common.DataScope;
import org.xuncha.findings.WorkLogCounts;
import org.xuncha.platform.web.UserInputException;

/**
 * The work logs as JSON beside the pages, with the same roles, scope and rules; {@code version} is the log's
 * version as read (a stale one is refused). The sealed talk fields come only from {@code POST .../talk}, for the
 * team, audited; scanned questionnaire sheets are a page upload.
 */
@RestController
class WorkLogApiController {

    private final TeamWorkLogs logs;

    WorkLogApiController(TeamWorkLogs logs) {
        this.logs = logs;
    }

    @GetMapping("/api/work-logs")
    @PreAuthorize(WorkLogController.READERS)
    List<WorkLogView> list(@RequestParam(required = false) Long inspection,
                           @RequestParam(required = false) String kind, DataScope scope) {
        return logs.list(scope, inspection, WorkLogForm.parse(WorkLogKind.class, kind, "工作日志类型"));
    }

    /** The report's counts of one inspection (zeros outside the caller's scope, as for an inspection without logs). */
    @GetMapping("/api/work-logs/counts")
    @PreAuthorize(WorkLogController.READERS)
    WorkLogCounts counts(@RequestParam long inspection, DataScope scope) {
        return logs.counts(scope, inspection);
    }

    @GetMapping("/api/work-logs/{id}")
    @PreAuthorize(WorkLogController.READERS)
    WorkLogView get(@PathVariable long id, DataScope scope) {
        return logs.view(scope, id);
    }

    @PostMapping("/api/work-logs/{id}/talk")
    @PreAuthorize(WorkLogController.TEAM)
    TalkRecord talk(@PathVariable long id, DataScope scope) {
        return logs.openTalk(scope, id);
    }

    /** One log; only the fields of its kind are read. */
    record LogRequest(Long inspectionId, Integer version, String kind, LocalDate heldOn, String place, String subject,
                      String talkCategory, List<Long> inspectorIds, String intervieweeName, String intervieweePost,
                      String notes, Integer personsCount, Integer issuedCount, Integer returnedCount, String period,
                      Integer pages, String readBy) {

        WorkLogDraft draft() {
            return new WorkLogDraft(WorkLogForm.parse(WorkLogKind.class, kind, "工作日志类型"), heldOn, place, subject,
                    WorkLogForm.parse(TalkCategory.class, talkCategory, "谈话对象类别"), inspectorIds,
                    intervieweeName, intervieweePost, notes, personsCount, issuedCount, returnedCount, period, pages,
                    readBy);
        }
    }

    record WithdrawRequest(Integer version, String reason) {
    }

    @PostMapping("/api/work-logs")
    @PreAuthorize(WorkLogController.TEAM)
    ResponseEntity<Map<String, Long>> record(@RequestBody LogRequest body, DataScope scope) {
        if (body == null || body.inspectionId() == null) {
            throw new UserInputException("请选择巡察");
        }
        long id = logs.record(scope, body.inspectionId(), body.draft(), List.of());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @PostMapping("/api/work-logs/{id}/revise")
    @PreAuthorize(WorkLogController.TEAM)
    WorkLogView revise(@PathVariable long id, @RequestBody LogRequest body, DataScope scope) {
        logs.view(scope, id);
        logs.revise(scope, id, body.version() == null ? -1 : body.version(), body.draft());
        return logs.view(scope, id);
    }

    @PostMapping("/api/work-logs/{id}/withdraw")
    @PreAuthorize(WorkLogController.TEAM)
    WorkLogView withdraw(@PathVariable long id, @RequestBody WithdrawRequest body, DataScope scope) {
        logs.withdraw(scope, id, body.version() == null ? -1 : body.version(), body.reason());
        return logs.view(scope, id);
    }

}
