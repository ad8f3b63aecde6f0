package org.xuncha.inforequest;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;

/**
 * 巡前通报 pages: the list (the office's with filters; a collaborator's own department, pending first; a team's own
 * inspections), the bulk send form of the office, the detail with the collaborator's answer form (multipart,
 * post/redirect/get) and the attachment download.
 */
@Controller
class InfoRequestController {

    static final String READERS = "hasAnyRole('OFFICE','COLLABORATOR','TEAM_LEADER','TEAM_MEMBER')";

    private final InfoRequestRepository requests;
    private final InfoRequestDesk desk;

    InfoRequestController(InfoRequestRepository requests, InfoRequestDesk desk) {
        this.requests = requests;
        this.desk = desk;
    }

    /**
     * {@code status}: SENT, ANSWERED, or empty for all; absent, a collaborator sees what is waiting for its answer.
     * {@code overdue}: true for overdue only.
     */
    static InfoRequestFilter filter(String status, Boolean overdue, String department, Long inspection, DataScope scope) {
        InfoRequestStatus chosen = null;
        if (status == null) {
            chosen = scope.has(Role.COLLABORATOR) && overdue == null ? InfoRequestStatus.SENT : null;
        } else if (!status.isBlank()) {
            try {
                chosen = InfoRequestStatus.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                throw new UserInputException("未知的通报状态");
            }
        }
        return new InfoRequestFilter(chosen, overdue, department, inspection);
    }

    @GetMapping("/info-requests")
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) Boolean overdue,
                @RequestParam(required = false) String department, @RequestParam(required = false) Long inspection,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestHeader(value = "HX-Request", required = false) String htmx, DataScope scope, Model model) {
        InfoRequestFilter filter = filter(status, overdue, department, inspection, scope);
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", InfoRequestStatus.values());
        model.addAttribute("result", requests.list(filter, scope, desk.today(), ResultPage.clampPage(page),
                ResultPage.clampSize(size)));
        model.addAttribute("collaborator", scope.has(Role.COLLABORATOR));
        model.addAttribute("canSend", scope.has(Role.OFFICE));
        model.addAttribute("departments", scope.has(Role.OFFICE) ? desk.departments(scope) : List.of());
        var inspections = scope.hasAny(Role.OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER)
                ? requests.readableInspections(scope) : List.<InfoRequestRepository.InspectionRef>of();
        model.addAttribute("inspections", inspections);
        model.addAttribute("inspectionGroups", InfoRequestRepository.InspectionRef.byBody(inspections));
        model.addAttribute("department", scope.department());
        return htmx != null ? "inforequest/info-request-list :: results" : "inforequest/info-request-list";
    }

    @GetMapping("/info-requests/new")
    @PreAuthorize("hasRole('OFFICE')")
    String sendForm(@RequestParam(required = false) Long inspection, DataScope scope, Model model) {
        InfoRequestForm form = new InfoRequestForm();
        form.setInspectionId(inspection);
        form.setDueOn(desk.today().plusDays(14));
        return sendPage(form, scope, model);
    }

    private String sendPage(InfoRequestForm form, DataScope scope, Model model) {
        model.addAttribute("form", form);
        var inspections = requests.sendableInspections(scope);
        model.addAttribute("inspections", inspections);
        model.addAttribute("inspectionGroups", InfoRequestRepository.InspectionRef.byBody(inspections));
        model.addAttribute("departments", desk.departments(scope));
        model.addAttribute("today", desk.today());
        if (form.getInspectionId() != null) {
            InfoRequestRepository.InspectionRef chosen = requests.writableInspection(form.getInspectionId(), scope)
                    .orElseThrow(() -> new NotFoundInScope("inspection " + form.getInspectionId()));
            model.addAttribute("inspection", chosen);
            model.addAttribute("targets", requests.targets(chosen.id()));
        }
        return "inforequest/info-request-new";
    }

    @PostMapping("/info-requests")
    @PreAuthorize("hasRole('OFFICE')")
    String send(@ModelAttribute("form") InfoRequestForm form, DataScope scope, Model model,
                RedirectAttributes redirect) {
        try {
            List<Long> ids = desk.send(form, scope);
            redirect.addFlashAttribute("message", "已发送 " + ids.size() + " 份巡前通报");
            return "redirect:/info-requests?inspection=" + form.getInspectionId() + "&status=";
        } catch (UserInputException e) {
            model.addAttribute("error", e.getMessage());
            return sendPage(form, scope, model);
        }
    }

    @GetMapping("/info-requests/{id}")
    @PreAuthorize(READERS)
    String detail(@PathVariable long id, DataScope scope, Model model) {
        InfoRequestView request = requests.find(id, scope, desk.today())
                .orElseThrow(() -> new NotFoundInScope("info request " + id));
        model.addAttribute("request", request);
        model.addAttribute("attachments", requests.attachments(id));
        model.addAttribute("canAnswer", request.status() == InfoRequestStatus.SENT
                && requests.findAnswerable(id, scope, desk.today()).isPresent());
        model.addAttribute("maxFiles", InfoRequestUploads.MAX_FILES);
        return "inforequest/info-request-detail";
    }

    @PostMapping("/info-requests/{id}/answer")
    @PreAuthorize("hasRole('COLLABORATOR')")
    String answer(@PathVariable long id, @RequestParam(value = "answer", required = false) String answer,
                  @RequestParam(value = "files", required = false) List<MultipartFile> files, DataScope scope,
                  Model model, RedirectAttributes redirect) {
        requests.findAnswerable(id, scope, desk.today()).orElseThrow(() -> new NotFoundInScope("info request " + id));
        try {
            desk.answer(id, answer, InfoRequestUploads.check(files), scope);
            redirect.addFlashAttribute("message", "已提交答复");
            return "redirect:/info-requests/" + id;
        } catch (UserInputException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("answerText", answer);
            return detail(id, scope, model);
        }
    }

    @GetMapping("/info-requests/{id}/attachments/{attachmentId}")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId, DataScope scope) {
        var file = desk.download(id, attachmentId, scope);
        return org.xuncha.platform.web.FileDownload.of(file.fileName(), file.contentType(), file.content());
    }
}
