package org.xuncha.findings.worklog;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.platform.upload.CheckedUpload;
import org.xuncha.platform.web.FileDownload;
import org.xuncha.platform.web.UserInputException;

/**
 * The pages of the work logs: an inspection's list with a filter by kind and the counts per kind, a form per kind,
 * a detail page. The office and the leading group read the list and the detail without the sealed talk fields; the
 * inspection's team records, edits (by version), withdraws (with a reason) and opens a talk (audited, by POST, so
 * a link preview or a prefetch never opens it).
 */
@Controller
class WorkLogController {

    static final String READERS = "hasAnyRole('OFFICE','LEADER','TEAM_LEADER','TEAM_MEMBER')";
    static final String TEAM = "hasAnyRole('TEAM_LEADER','TEAM_MEMBER')";

    private final TeamWorkLogs logs;
    private final WorkLogRepository repository;
    private final WorkLogExport export;

    WorkLogController(TeamWorkLogs logs, WorkLogRepository repository, WorkLogExport export) {
        this.logs = logs;
        this.repository = repository;
        this.export = export;
    }

    @GetMapping("/work-logs")
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) Long inspection, @RequestParam(required = false) String kind,
                @RequestHeader(value = "HX-Request", required = false) String htmx, DataScope scope, Model model) {
        WorkLogKind k = WorkLogForm.parse(WorkLogKind.class, kind, "工作日志类型");
        List<WorkLogRepository.InspectionRow> inspections = repository.readableInspections(scope);
        Long chosen = inspection;
        if (chosen == null && inspections.size() == 1) {
            chosen = inspections.get(0).id();
        }
        model.addAttribute("inspections", inspections);
        model.addAttribute("inspection", chosen);
        model.addAttribute("kind", k);
        model.addAttribute("kinds", WorkLogKind.values());
        model.addAttribute("logs", logs.list(scope, chosen, k));
        model.addAttribute("perKind", logs.perKind(scope, chosen));
        model.addAttribute("counts", chosen == null ? null : logs.counts(scope, chosen));
        model.addAttribute("canRecord", scope.hasAny(Role.TEAM_LEADER, Role.TEAM_MEMBER));
        return htmx != null ? "findings/work-log-list :: results" : "findings/work-log-list";
    }

    @GetMapping("/work-logs/new")
    @PreAuthorize(TEAM)
    String newForm(@RequestParam(required = false) Long inspection, @RequestParam(required = false) String kind,
                   DataScope scope, Model model) {
        WorkLogForm form = new WorkLogForm();
        WorkLogKind k = WorkLogForm.parse(WorkLogKind.class, kind, "工作日志类型");
        form.setKind((k == null ? WorkLogKind.TALK : k).name());
        return formPage(inspection, null, form, null, scope, model);
    }

    private String formPage(Long inspection, WorkLogView log, WorkLogForm form, String error, DataScope scope,
                            Model model) {
        List<WorkLogRepository.InspectionRow> mine = repository.readableInspections(scope).stream()
                .filter(i -> scope.onTeamOf(org.xuncha.common.InspectionId.of(i.id()))).toList();
        Long chosen = log != null ? Long.valueOf(log.inspectionId())
                : inspection != null ? inspection : mine.isEmpty() ? null : mine.get(0).id();
        model.addAttribute("inspections", mine);
        model.addAttribute("inspection", chosen);
        model.addAttribute("team", chosen != null && mine.stream().anyMatch(i -> i.id() == chosen)
                ? logs.teamChoices(scope, chosen) : java.util.Map.of());
        model.addAttribute("log", log);
        model.addAttribute("form", form);
        model.addAttribute("kind", form.kind() == null ? WorkLogKind.TALK : form.kind());
        model.addAttribute("kinds", WorkLogKind.values());
        model.addAttribute("categories", TalkCategory.values());
        model.addAttribute("maxFiles", WorkLogUploads.MAX_FILES);
        model.addAttribute("error", error);
        return "findings/work-log-form";
    }

    @PostMapping("/work-logs")
    @PreAuthorize(TEAM)
    String record(@RequestParam(required = false) Long inspection, @ModelAttribute("form") WorkLogForm form,
                  BindingResult binding, @RequestParam(value = "files", required = false) List<MultipartFile> files,
                  DataScope scope, Model model, RedirectAttributes redirect) {
        try {
            refuseBinding(binding);
            if (inspection == null) {
                throw new UserInputException("请选择巡察");
            }
            List<CheckedUpload> sheets = WorkLogUploads.check(files);
            long id = logs.record(scope, inspection, form.draft(), sheets);
            redirect.addFlashAttribute("message", "已记录工作日志");
            return "redirect:/work-logs/" + id;
        } catch (UserInputException e) {
            return formPage(inspection, null, form, e.getMessage(), scope, model);
        }
    }

    @GetMapping("/work-logs/{id}")
    @PreAuthorize(READERS)
    String detail(@PathVariable long id, DataScope scope, Model model) {
        return detailPage(logs.view(scope, id), null, scope, model);
    }

    private String detailPage(WorkLogView log, TalkRecord talk, DataScope scope, Model model) {
        model.addAttribute("l", log);
        model.addAttribute("talk", talk);
        model.addAttribute("attachments", logs.attachments(scope, log.id()));
        boolean team = logs.onTeam(scope, log);
        model.addAttribute("onTeam", team);
        model.addAttribute("canChange", team && !log.withdrawn()
                && (log.stage() == org.xuncha.inspection.InspectionStage.STATIONED
                || log.stage() == org.xuncha.inspection.InspectionStage.REPORTING));
        return "findings/work-log-detail";
    }

    /** Opens a talk's interviewee and notes for the team; audited. */
    @PostMapping("/work-logs/{id}/talk")
    @PreAuthorize(TEAM)
    String openTalk(@PathVariable long id, DataScope scope, Model model) {
        WorkLogView log = logs.view(scope, id);
        return detailPage(log, logs.openTalk(scope, id), scope, model);
    }

    @GetMapping("/work-logs/{id}/edit")
    @PreAuthorize(TEAM)
    String editForm(@PathVariable long id, DataScope scope, Model model) {
        WorkLogView log = logs.view(scope, id);
        if (!logs.onTeam(scope, log)) {
            throw new org.xuncha.platform.web.NotFoundInScope("work log " + id);
        }
        TalkRecord talk = log.kind() == WorkLogKind.TALK ? logs.openTalk(scope, id) : null;
        return formPage(null, log, WorkLogForm.of(log, logs.presentInspectors(scope, id), talk), null, scope, model);
    }

    @PostMapping("/work-logs/{id}")
    @PreAuthorize(TEAM)
    String revise(@PathVariable long id, @RequestParam(required = false) Integer version,
                  @ModelAttribute("form") WorkLogForm form, BindingResult binding, DataScope scope, Model model,
                  RedirectAttributes redirect) {
        WorkLogView log = logs.view(scope, id);
        try {
            refuseBinding(binding);
            logs.revise(scope, id, version == null ? -1 : version, form.draft());
            redirect.addFlashAttribute("message", "已保存修改");
            return "redirect:/work-logs/" + id;
        } catch (UserInputException e) {
            return formPage(null, log, form, e.getMessage(), scope, model);
        }
    }

    @PostMapping("/work-logs/{id}/withdraw")
    @PreAuthorize(TEAM)
    String withdraw(@PathVariable long id, @RequestParam(required = false) Integer version,
                    @RequestParam(required = false) String reason, DataScope scope, Model model,
                    RedirectAttributes redirect) {
        WorkLogView log = logs.view(scope, id);
        try {
            logs.withdraw(scope, id, version == null ? -1 : version, reason);
            redirect.addFlashAttribute("message", "已撤回工作日志");
            return "redirect:/work-logs/" + id;
        } catch (UserInputException e) {
            model.addAttribute("error", e.getMessage());
            return detailPage(log, null, scope, model);
        }
    }

    @GetMapping("/work-logs/{id}/attachments/{attachmentId}")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId, DataScope scope) {
        WorkLogRepository.Attachment a = logs.attachment(scope, id, attachmentId);
        return FileDownload.of(a.fileName(), a.contentType(), a.content());
    }

    @GetMapping("/work-logs/export.xlsx")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> export(@RequestParam(required = false) Long inspection, DataScope scope) {
        if (inspection == null) {
            throw new UserInputException("请选择巡察");
        }
        return FileDownload.of("工作日志.xlsx", FileDownload.XLSX, export.export(scope, inspection));
    }

    private static void refuseBinding(BindingResult binding) {
        if (binding.hasErrors()) {
            throw new UserInputException("在场的巡察人员须是本组现有成员");
        }
    }
}
