package org.xuncha.findings.paper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.FileDownload;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;

/**
 * Pages of working papers: an inspection's list (filters by status and source), the form (new and edit, evidence
 * files per item), the paper with its versions and approval trail and the buttons of the caller's step, the
 * evidence files and the one-click 底稿审批单.docx. The office and the leading group read; the team writes.
 */
@Controller
class WorkingPaperController {

    static final String READERS = "hasAnyRole('OFFICE','LEADER','TEAM_LEADER','TEAM_MEMBER')";
    static final String TEAM = "hasAnyRole('TEAM_LEADER','TEAM_MEMBER')";

    private final WorkingPapers papers;
    private final Regulations regulations;
    private final WorkingPaperSlips slips;

    private final org.xuncha.findings.comparison.Comparisons comparisons;
    private final SourceRecords sourceRecords;

    WorkingPaperController(WorkingPapers papers, Regulations regulations, WorkingPaperSlips slips,
                           org.xuncha.findings.comparison.Comparisons comparisons, SourceRecords sourceRecords) {
        this.sourceRecords = sourceRecords;
        this.papers = papers;
        this.comparisons = comparisons;
        this.regulations = regulations;
        this.slips = slips;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String raw, String what) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("未知的" + what);
        }
    }

    @GetMapping("/working-papers")
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) Long inspection, @RequestParam(required = false) String status,
                @RequestParam(required = false) String source, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size,
                @RequestHeader(value = "HX-Request", required = false) String htmx, DataScope scope, Model model) {
        List<WorkingPaperRepository.InspectionRef> readable = papers.readableInspections(scope);
        Long chosen = inspection != null ? inspection : readable.isEmpty() ? null : readable.get(0).id();
        WorkingPaperFilter filter = new WorkingPaperFilter(parse(WorkingPaperStatus.class, status, "状态"),
                parse(ProblemSource.class, source, "问题来源"));
        model.addAttribute("inspections", readable);
        model.addAttribute("inspection", chosen);
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", WorkingPaperStatus.values());
        model.addAttribute("sources", ProblemSource.values());
        model.addAttribute("result", chosen == null ? new ResultPage<WorkingPaperSummary>(List.of(), 0, 50, 0)
                : papers.list(scope, chosen, filter, ResultPage.clampPage(page), ResultPage.clampSize(size)));
        model.addAttribute("canWrite", chosen != null && WorkingPapers.onTeam(scope, chosen));
        return htmx != null ? "findings/working-paper-list :: results" : "findings/working-paper-list";
    }

    @GetMapping("/working-papers/new")
    @PreAuthorize(TEAM)
    String newForm(@RequestParam(required = false) Long inspection, DataScope scope, Model model) {
        return form(inspection, null, WorkingPaperForm.blank(), null, scope, model);
    }

    private String form(Long inspection, WorkingPaperView paper, WorkingPaperForm form, String error,
                        DataScope scope, Model model) {
        List<WorkingPaperRepository.InspectionRef> mine = papers.readableInspections(scope).stream()
                .filter(i -> WorkingPapers.onTeam(scope, i.id())).toList();
        Long chosen = paper != null ? Long.valueOf(paper.inspectionId())
                : inspection != null ? inspection : mine.isEmpty() ? null : mine.get(0).id();
        model.addAttribute("inspections", mine);
        model.addAttribute("inspection", chosen);
        model.addAttribute("paper", paper);
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("team", chosen == null ? List.of() : papers.team(scope, chosen));
        model.addAttribute("regulations", regulations.list(scope, true));
        model.addAttribute("sources", ProblemSource.values());
        model.addAttribute("maxFiles", WorkingPaperUploads.MAX_FILES);
        // the inspection's data comparisons an evidence item may cite (the team's; the form is the team's)
        model.addAttribute("comparisons", chosen == null || !WorkingPapers.onTeam(scope, chosen) ? List.of()
                : comparisons.list(scope, chosen));
        // the records a source may link to, per kind (the team's reading of them)
        model.addAttribute("sourceChoices", chosen == null || !WorkingPapers.onTeam(scope, chosen) ? List.of()
                : sourceRecords.choices(scope, chosen));
        return "findings/working-paper-form";
    }

    @PostMapping("/working-papers")
    @PreAuthorize(TEAM)
    String create(@RequestParam(required = false) Long inspection, WorkingPaperForm form,
                  jakarta.servlet.http.HttpServletRequest request, DataScope scope, Model model) {
        try {
            if (inspection == null) {
                throw new UserInputException("请选择巡察");
            }
            long id = papers.create(scope, inspection, form.draft(files(request, form))).value();
            return "redirect:/working-papers/" + id;
        } catch (UserInputException e) {
            return form(inspection, null, form, e.getMessage(), scope, model);
        }
    }

    @GetMapping("/working-papers/{id}/edit")
    @PreAuthorize(TEAM)
    String editForm(@PathVariable long id, DataScope scope, Model model) {
        WorkingPaperView p = papers.get(scope, id);
        return form(null, p, WorkingPaperForm.of(p), null, scope, model);
    }

    @PostMapping("/working-papers/{id}")
    @PreAuthorize(TEAM)
    String edit(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, WorkingPaperForm form,
                jakarta.servlet.http.HttpServletRequest request, DataScope scope, Model model, RedirectAttributes redirect) {
        WorkingPaperView p = papers.get(scope, id);
        try {
            papers.edit(scope, id, version, form.draft(files(request, form)));
            redirect.addFlashAttribute("message", "已保存新版本");
            return "redirect:/working-papers/" + id;
        } catch (UserInputException e) {
            return form(null, p, form, e.getMessage(), scope, model);
        }
    }

    /** The files of each evidence row: parts named {@code evidenceFiles0}, {@code evidenceFiles1} …. */
    private static List<List<WorkingPaperDraft.Upload>> files(jakarta.servlet.http.HttpServletRequest request,
                                                             WorkingPaperForm form) {
        List<List<WorkingPaperDraft.Upload>> files = new ArrayList<>();
        // the request the controller gets may be wrapped (security, sessions): the multipart one is underneath
        MultipartHttpServletRequest multipart = org.springframework.web.util.WebUtils.getNativeRequest(request,
                MultipartHttpServletRequest.class);
        for (int i = 0; i < form.evidenceDescription().size(); i++) {
            List<WorkingPaperDraft.Upload> row = new ArrayList<>();
            for (MultipartFile part : multipart != null ? multipart.getFiles("evidenceFiles" + i) : List.<MultipartFile>of()) {
                if (part.isEmpty() && (part.getOriginalFilename() == null || part.getOriginalFilename().isBlank())) {
                    continue;
                }
                if (part.getSize() > WorkingPaperUploads.MAX_BYTES) {
                    throw new UserInputException("证据" + (i + 1) + "：文件" + part.getOriginalFilename() + "超过 "
                            + WorkingPaperUploads.POLICY.maxMegabytes() + " MB");
                }
                try {
                    row.add(new WorkingPaperDraft.Upload(part.getOriginalFilename(), part.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            files.add(row);
        }
        return files;
    }

    @GetMapping("/working-papers/{id}")
    @PreAuthorize(READERS)
    String detail(@PathVariable long id, DataScope scope, Model model) {
        return render(id, null, scope, model);
    }

    private String render(long id, String error, DataScope scope, Model model) {
        WorkingPaperView p = papers.get(scope, id);
        model.addAttribute("p", p);
        model.addAttribute("sourceLink", sourceRecords.link(scope, p));
        model.addAttribute("versions", papers.versions(scope, id));
        model.addAttribute("steps", papers.steps(scope, id));
        model.addAttribute("can", papers.actions(scope, p));
        model.addAttribute("error", error);
        return "findings/working-paper-detail";
    }

    private String step(long id, Runnable change, String done, DataScope scope, Model model,
                        RedirectAttributes redirect) {
        try {
            change.run();
            redirect.addFlashAttribute("message", done);
            return "redirect:/working-papers/" + id;
        } catch (UserInputException e) {
            return render(id, e.getMessage(), scope, model);
        }
    }

    @PostMapping("/working-papers/{id}/submit")
    @PreAuthorize(TEAM)
    String submit(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, DataScope scope,
                  Model model, RedirectAttributes redirect) {
        return step(id, () -> papers.submit(scope, id, version), "已提交副组长审核", scope, model, redirect);
    }

    @PostMapping("/working-papers/{id}/deputy-approve")
    @PreAuthorize(TEAM)
    String deputyApprove(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                         @RequestParam(required = false) String opinion, DataScope scope, Model model,
                         RedirectAttributes redirect) {
        return step(id, () -> papers.deputyApprove(scope, id, version, opinion), "已审核，报组长审批", scope, model,
                redirect);
    }

    @PostMapping("/working-papers/{id}/approve")
    @PreAuthorize(TEAM)
    String approve(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                   @RequestParam(required = false) String opinion, DataScope scope, Model model,
                   RedirectAttributes redirect) {
        return step(id, () -> papers.approve(scope, id, version, opinion), "已审定", scope, model, redirect);
    }

    @PostMapping("/working-papers/{id}/return")
    @PreAuthorize(TEAM)
    String giveBack(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                    @RequestParam(required = false) String reason, DataScope scope, Model model,
                    RedirectAttributes redirect) {
        return step(id, () -> papers.giveBack(scope, id, version, reason), "已退回撰写人", scope, model, redirect);
    }

    @PostMapping("/working-papers/{id}/withdraw")
    @PreAuthorize(TEAM)
    String withdraw(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                    @RequestParam(required = false) String reason, DataScope scope, Model model,
                    RedirectAttributes redirect) {
        return step(id, () -> papers.withdraw(scope, id, version, reason), "已撤回", scope, model, redirect);
    }

    @PostMapping("/working-papers/{id}/discard")
    @PreAuthorize(TEAM)
    String discard(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                   @RequestParam(required = false) String reason, DataScope scope, Model model,
                   RedirectAttributes redirect) {
        return step(id, () -> papers.discard(scope, id, version, reason), "已作废", scope, model, redirect);
    }

    @GetMapping("/working-papers/{id}/files/{fileId}")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId, DataScope scope) {
        WorkingPaperRepository.FileContent f = papers.file(scope, id, fileId);
        return FileDownload.of(f.fileName(), f.contentType(), f.content());
    }

    @GetMapping("/working-papers/{id}/slip")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> slip(@PathVariable long id, DataScope scope) {
        WorkingPaperSlips.Written written = slips.write(scope, id);
        return FileDownload.of(written.fileName(), FileDownload.DOCX.toString(), written.content());
    }
}
