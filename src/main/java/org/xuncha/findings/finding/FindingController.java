package org.xuncha.findings.finding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

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
import org.xuncha.common.InspectionId;
import org.xuncha.findings.DisciplineTag;
import org.xuncha.findings.FindingFigures;
import org.xuncha.findings.FindingSeverity;
import org.xuncha.findings.HeadingScheme;
import org.xuncha.findings.taxonomy.FindingTaxonomy;
import org.xuncha.platform.web.FileDownload;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;

/**
 * Pages of findings (问题): an inspection's list with filters (heading, 六大纪律, severity, 重点, 立行立改) and its
 * counts, "形成问题" from an approved working paper, the form (heading choice grouped by scheme and level), the
 * finding with its 立行立改 record and evidence, withdrawal with a reason. The office and the leading group read;
 * the team's leader and deputy write.
 */
@Controller
class FindingController {

    static final String READERS = "hasAnyRole('OFFICE','LEADER','TEAM_LEADER','TEAM_MEMBER')";
    static final String TEAM = "hasAnyRole('TEAM_LEADER','TEAM_MEMBER')";

    private final Findings findings;
    private final FindingFigures figures;
    private final FindingTaxonomy taxonomy;

    FindingController(Findings findings, FindingFigures figures, FindingTaxonomy taxonomy) {
        this.findings = findings;
        this.figures = figures;
        this.taxonomy = taxonomy;
    }

    static FindingFilter filter(Long heading, String discipline, String severity, String key, String rectified,
                                String status) {
        return new FindingFilter(heading, FindingForm.parse(DisciplineTag.class, discipline, "纪律类别"),
                FindingForm.parse(FindingSeverity.class, severity, "严重程度"), flag(key), flag(rectified),
                FindingForm.parse(FindingStatus.class, status, "状态"));
    }

    private static Boolean flag(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new UserInputException("筛选条件只能为“是”或“否”");
        };
    }

    @GetMapping("/findings")
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) Long inspection, @RequestParam(required = false) Long heading,
                @RequestParam(required = false) String discipline, @RequestParam(required = false) String severity,
                @RequestParam(required = false) String key, @RequestParam(required = false) String rectified,
                @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size,
                @RequestHeader(value = "HX-Request", required = false) String htmx, DataScope scope, Model model) {
        List<FindingRepository.InspectionRef> readable = findings.readableInspections(scope);
        Long chosen = inspection != null ? inspection : readable.isEmpty() ? null : readable.get(0).id();
        FindingFilter filter = filter(heading, discipline, severity, key, rectified, status);
        model.addAttribute("inspections", readable);
        model.addAttribute("inspection", chosen);
        model.addAttribute("filter", filter);
        model.addAttribute("disciplines", DisciplineTag.values());
        model.addAttribute("severities", FindingSeverity.values());
        model.addAttribute("statuses", FindingStatus.values());
        model.addAttribute("schemes", taxonomy.schemes(scope));
        model.addAttribute("result", chosen == null ? new ResultPage<FindingView>(List.of(), 0, 50, 0)
                : findings.list(scope, chosen, filter, ResultPage.clampPage(page), ResultPage.clampSize(size)));
        model.addAttribute("counts", chosen == null ? null : figures.countsOf(scope, InspectionId.of(chosen)));
        return htmx != null ? "findings/finding-list :: results" : "findings/finding-list";
    }

    @GetMapping("/findings/new")
    @PreAuthorize(TEAM)
    String newForm(@RequestParam(required = false) Long paper, DataScope scope, Model model) {
        if (paper == null) {
            throw new UserInputException("请从已审定的工作底稿形成问题");
        }
        FindingRepository.Paper p = findings.paper(scope, paper);
        if (p.findingId() != null) {
            return "redirect:/findings/" + p.findingId();
        }
        return form(p, null, FindingForm.of(p), null, scope, model);
    }

    private String form(FindingRepository.Paper paper, FindingView finding, FindingForm form, String error,
                        DataScope scope, Model model) {
        long inspection = finding != null ? finding.inspectionId() : paper.inspectionId();
        model.addAttribute("paper", paper);
        model.addAttribute("finding", finding);
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("targets", findings.targets(scope, inspection));
        model.addAttribute("schemes", taxonomy.schemes(scope));
        model.addAttribute("schemeValues", HeadingScheme.values());
        model.addAttribute("tags", taxonomy.tags(scope).stream().filter(t -> t.active()).toList());
        model.addAttribute("disciplines", DisciplineTag.values());
        model.addAttribute("severities", FindingSeverity.values());
        return "findings/finding-form";
    }

    @PostMapping("/findings")
    @PreAuthorize(TEAM)
    String create(@RequestParam(required = false) Long paper, FindingForm form, DataScope scope, Model model) {
        if (paper == null) {
            throw new UserInputException("请从已审定的工作底稿形成问题");
        }
        FindingRepository.Paper p = findings.paper(scope, paper);
        try {
            long id = findings.create(scope, paper, form.draft());
            return "redirect:/findings/" + id;
        } catch (UserInputException e) {
            return form(p, null, form, e.getMessage(), scope, model);
        }
    }

    @GetMapping("/findings/{id}")
    @PreAuthorize(READERS)
    String detail(@PathVariable long id, DataScope scope, Model model) {
        FindingView f = findings.get(scope, id);
        model.addAttribute("f", f);
        model.addAttribute("canWrite", findings.canWrite(scope, f.inspectionId()) && f.status().editable());
        model.addAttribute("maxFiles", FindingUploads.MAX_FILES);
        return "findings/finding-detail";
    }

    @GetMapping("/findings/{id}/edit")
    @PreAuthorize(TEAM)
    String editForm(@PathVariable long id, DataScope scope, Model model) {
        FindingView f = findings.get(scope, id);
        return form(null, f, FindingForm.of(f), null, scope, model);
    }

    @PostMapping("/findings/{id}")
    @PreAuthorize(TEAM)
    String edit(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, FindingForm form,
                DataScope scope, Model model, RedirectAttributes redirect) {
        FindingView f = findings.get(scope, id);
        try {
            findings.edit(scope, id, version, form.draft());
            redirect.addFlashAttribute("message", "已保存");
            return "redirect:/findings/" + id;
        } catch (UserInputException e) {
            return form(null, f, form, e.getMessage(), scope, model);
        }
    }

    @PostMapping("/findings/{id}/rectify")
    @PreAuthorize(TEAM)
    String rectify(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                   @RequestParam(required = false) String rectifiedOn, @RequestParam(required = false) String note,
                   HttpServletRequest request, DataScope scope, RedirectAttributes redirect) {
        findings.get(scope, id);
        try {
            findings.rectify(scope, id, version, new RectificationDraft(date(rectifiedOn), note, files(request)));
            redirect.addFlashAttribute("message", "已登记立行立改");
        } catch (UserInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/findings/" + id;
    }

    @PostMapping("/findings/{id}/withdraw")
    @PreAuthorize(TEAM)
    String withdraw(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                    @RequestParam(required = false) String reason, DataScope scope, RedirectAttributes redirect) {
        findings.get(scope, id);
        try {
            findings.withdraw(scope, id, version, reason);
            redirect.addFlashAttribute("message", "已撤回");
        } catch (UserInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/findings/" + id;
    }

    @GetMapping("/findings/{id}/files/{fileId}")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId, DataScope scope) {
        FindingRepository.FileContent f = findings.file(scope, id, fileId);
        return FileDownload.of(f.fileName(), f.contentType(), f.content());
    }

    static LocalDate date(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new UserInputException("整改日期格式应为 年-月-日，例如 2026-03-02");
        }
    }

    private static List<RectificationDraft.Upload> files(HttpServletRequest request) {
        List<RectificationDraft.Upload> files = new ArrayList<>();
        // the request the controller gets may be wrapped (security, sessions): the multipart one is underneath
        MultipartHttpServletRequest multipart = org.springframework.web.util.WebUtils.getNativeRequest(request,
                MultipartHttpServletRequest.class);
        if (multipart != null) {
            for (MultipartFile file : multipart.getFiles("files")) {
                if (file.isEmpty()) {
                    continue;
                }
                if (file.getSize() > FindingUploads.MAX_BYTES) {
                    throw new UserInputException("佐证材料：文件" + file.getOriginalFilename() + "超过 "
                            + FindingUploads.POLICY.maxMegabytes() + " MB");
                }
                try {
                    files.add(new RectificationDraft.Upload(file.getOriginalFilename(), file.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }
}
