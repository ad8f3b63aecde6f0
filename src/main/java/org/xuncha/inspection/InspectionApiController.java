package org.xuncha.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.platform.web.ResultPage;

/** JSON API for inspections: the same roles and data scope as the pages. Bad input answers 400 {"message": …}. */
@RestController
class InspectionApiController {

    private final Inspections inspections;
    private final InspectionStages stages;
    private final EntryAnnouncements announcements;

    InspectionApiController(Inspections inspections, InspectionStages stages, EntryAnnouncements announcements) {
        this.inspections = inspections;
        this.stages = stages;
        this.announcements = announcements;
    }

    /** An inspection with its targets, current team, stage history and announcement data. */
    record InspectionDetails(InspectionView inspection, List<InspectionTarget> targets, List<TeamMemberView> team,
                             List<StageChangeView> history, EntryAnnouncementView announcement,
                             InspectionStage allowedNext, ReportSubmissionView report) {
    }

    /** The 巡察报告's submission: the inspection's version as read, the date it went, a note. */
    record ReportRequest(Integer version, LocalDate submittedOn, String note) {
    }

    /** A stage move: the stage to enter, the inspection's version as read, the date it takes effect, a note. */
    record StageMoveRequest(InspectionStage to, Integer version, LocalDate effectiveOn, String note) {
    }

    @GetMapping("/api/inspections")
    @PreAuthorize(InspectionController.READERS)
    ResultPage<InspectionView> list(@RequestParam(required = false) Long round,
                                           @RequestParam(required = false) InspectionStage stage,
                                           @RequestParam(required = false) InspectionMode mode,
                                           @RequestParam(required = false) InspectionForm form,
                                           @RequestParam(required = false) String target,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size, DataScope scope) {
        return inspections.list(scope, new InspectionFilter(round, stage, mode, form, target),
                ResultPage.clampPage(page), ResultPage.clampSize(size));
    }

    @GetMapping("/api/inspections/{id}")
    @PreAuthorize(InspectionController.READERS)
    InspectionDetails get(@PathVariable long id, DataScope scope) {
        return details(scope, InspectionId.of(id));
    }

    @PostMapping("/api/inspections")
    @PreAuthorize("hasRole('OFFICE')")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@RequestBody InspectionDraft draft, DataScope scope) {
        return Map.of("id", inspections.create(scope, draft).value());
    }

    @PostMapping("/api/inspections/{id}/stage")
    @PreAuthorize("hasAnyRole('OFFICE','TEAM_LEADER')")
    InspectionDetails move(@PathVariable long id, @RequestBody StageMoveRequest move, DataScope scope) {
        InspectionId iid = InspectionId.of(id);
        inspections.get(scope, iid);
        stages.moveTo(scope, iid, move.to(), move.version() == null ? -1 : move.version(), move.effectiveOn(),
                move.note());
        return details(scope, iid);
    }

    @PostMapping("/api/inspections/{id}/report")
    @PreAuthorize("hasAnyRole('OFFICE','TEAM_LEADER')")
    InspectionDetails submitReport(@PathVariable long id, @RequestBody ReportRequest report, DataScope scope) {
        InspectionId iid = InspectionId.of(id);
        stages.submitReport(scope, iid, report.version() == null ? -1 : report.version(), report.submittedOn(),
                report.note());
        return details(scope, iid);
    }

    private InspectionDetails details(DataScope scope, InspectionId id) {
        InspectionView v = inspections.get(scope, id);
        return new InspectionDetails(v, inspections.targets(scope, id), inspections.team(scope, id),
                stages.history(scope, id), announcements.announcement(scope, id).orElse(null),
                v.stage().next().filter(n -> stages.mayMove(scope, v, n)).orElse(null),
                stages.reportSubmission(scope, id).orElse(null));
    }
}
