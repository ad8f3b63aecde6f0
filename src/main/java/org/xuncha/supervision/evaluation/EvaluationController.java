package org.xuncha.supervision.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.documents.WordDownloads;
import org.xuncha.identity.AccountDirectory;
import org.xuncha.inspection.InspectionFilter;
import org.xuncha.inspection.InspectionStage;
import org.xuncha.inspection.InspectionView;
import org.xuncha.inspection.Inspections;
import org.xuncha.platform.web.FileDownload;
import org.xuncha.platform.web.UserInputException;

/**
 * The evaluations' pages (issue 15 §4): the list of the sheets the caller reads (with the office's form to open an
 * evaluation), one evaluation with its organizations and the results export, one organization's sheet with the
 * group's scoring forms, the office's 退回 / 确定 / 重新取数, the consequences to act on, and the report .docx.
 * Post/redirect/get; a refusal re-renders the page with its Chinese message.
 */
@Controller
class EvaluationController {

    static final String READERS = "hasAnyRole('OFFICE','LEADER','ORG_DEPT','TARGET','TEAM_LEADER','TEAM_MEMBER')";
    static final String RESULTS = "hasAnyRole('OFFICE','LEADER','ORG_DEPT')";
    static final String SCORERS = "hasAnyRole('TEAM_LEADER','TEAM_MEMBER')";
    static final String OFFICE = "hasRole('OFFICE')";

    private final Evaluations evaluations;
    private final EvaluationModels models;
    private final EvaluationSheets sheets;
    private final EvaluationDocuments documents;
    private final Inspections inspections;
    private final AccountDirectory accounts;

    EvaluationController(Evaluations evaluations, EvaluationModels models, EvaluationSheets sheets,
                         EvaluationDocuments documents, Inspections inspections, AccountDirectory accounts) {
        this.evaluations = evaluations;
        this.models = models;
        this.sheets = sheets;
        this.documents = documents;
        this.inspections = inspections;
        this.accounts = accounts;
    }

    @GetMapping("/supervision/evaluations")
    @PreAuthorize(READERS)
    String list(DataScope scope, Model model) {
        return renderList(scope, null, model);
    }

    private String renderList(DataScope scope, String error, Model model) {
        model.addAttribute("sheets", evaluations.sheets(scope));
        boolean office = scope.has(Role.OFFICE) && scope.body() != null && scope.canWrite(scope.body());
        model.addAttribute("office", office);
        if (office) {
            model.addAttribute("models", models.list(scope).stream()
                    .filter(m -> m.writable() && m.status() == ModelStatus.PUBLISHED).toList());
            List<InspectionView> open = new ArrayList<>();
            for (InspectionStage stage : List.of(InspectionStage.FEEDBACK, InspectionStage.RECTIFYING)) {
                open.addAll(inspections.list(scope, new InspectionFilter(null, stage, null, null, null), 0, 200)
                        .items().stream().filter(i -> scope.canWrite(org.xuncha.common.BodyId.of(i.bodyId())))
                        .toList());
            }
            model.addAttribute("inspections", open);
            model.addAttribute("candidates", accounts.teamAccounts(scope.body()));
        }
        model.addAttribute("error", error);
        return "supervision/evaluation/evaluations";
    }

    @PostMapping("/supervision/evaluations")
    @PreAuthorize(OFFICE)
    String open(@RequestParam(required = false) String inspection, @RequestParam(required = false) String model,
                @RequestParam(required = false) List<String> members, DataScope scope, Model page,
                RedirectAttributes redirect) {
        try {
            long i = id(inspection, "请选择巡察");
            long m = id(model, "请选择已发布的指标模型");
            Set<Long> ids = new LinkedHashSet<>();
            if (members != null) {
                for (String s : members) {
                    ids.add(id(s, "评估组成员无效"));
                }
            }
            long id = evaluations.open(scope, i, m, ids);
            redirect.addFlashAttribute("message", "已开展整改质效评估；评估组可以评分");
            return "redirect:/supervision/evaluations/" + id;
        } catch (UserInputException e) {
            return renderList(scope, e.getMessage(), page);
        }
    }

    @GetMapping("/supervision/evaluations/{id}")
    @PreAuthorize(READERS)
    String evaluation(@PathVariable long id, DataScope scope, Model model) {
        model.addAttribute("p", evaluations.evaluation(scope, id));
        model.addAttribute("exporter", scope.hasAny(Role.OFFICE, Role.LEADER, Role.ORG_DEPT));
        return "supervision/evaluation/evaluation";
    }

    @GetMapping("/supervision/evaluations/{id}/results.xlsx")
    @PreAuthorize(RESULTS)
    ResponseEntity<byte[]> results(@PathVariable long id, DataScope scope) {
        EvaluationSheets.Export e = sheets.results(scope, id);
        return FileDownload.of(e.fileName(), FileDownload.XLSX, e.content());
    }

    @GetMapping("/supervision/evaluations/sheets/{id}")
    @PreAuthorize(READERS)
    String sheet(@PathVariable long id, DataScope scope, Model model) {
        return render(scope, id, null, model);
    }

    private String render(DataScope scope, long id, String error, Model model) {
        model.addAttribute("p", evaluations.page(scope, id));
        model.addAttribute("error", error);
        return "supervision/evaluation/sheet";
    }

    @PostMapping("/supervision/evaluations/sheets/{id}/scores")
    @PreAuthorize(SCORERS)
    String score(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                 @RequestParam(required = false) String indicator, @RequestParam(required = false) String score,
                 @RequestParam(required = false) String reason, DataScope scope, Model model,
                 RedirectAttributes redirect) {
        evaluations.sheet(scope, id);
        try {
            evaluations.score(scope, id, version, id(indicator, "请选择指标"), score, reason);
            redirect.addFlashAttribute("message", "已评分");
            return "redirect:/supervision/evaluations/sheets/" + id;
        } catch (UserInputException e) {
            return render(scope, id, e.getMessage(), model);
        }
    }

    @PostMapping("/supervision/evaluations/sheets/{id}/submit")
    @PreAuthorize(SCORERS)
    String submit(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, DataScope scope,
                  Model model, RedirectAttributes redirect) {
        return step(scope, id, model, redirect, "已提交评估结果，待巡察办确定",
                () -> evaluations.submit(scope, id, version));
    }

    @PostMapping("/supervision/evaluations/sheets/{id}/return")
    @PreAuthorize(OFFICE)
    String returnToGroup(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, DataScope scope,
                         Model model, RedirectAttributes redirect) {
        return step(scope, id, model, redirect, "已退回评估组重新评分",
                () -> evaluations.returnToGroup(scope, id, version));
    }

    @PostMapping("/supervision/evaluations/sheets/{id}/confirm")
    @PreAuthorize(OFFICE)
    String confirm(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, DataScope scope,
                   Model model, RedirectAttributes redirect) {
        return step(scope, id, model, redirect, "已确定评估结果；后续措施已列入待办",
                () -> evaluations.confirm(scope, id, version));
    }

    @PostMapping("/supervision/evaluations/sheets/{id}/refresh")
    @PreAuthorize(OFFICE)
    String refresh(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, DataScope scope,
                   Model model, RedirectAttributes redirect) {
        return step(scope, id, model, redirect, "已按整改台账重新取数",
                () -> evaluations.refresh(scope, id, version));
    }

    private String step(DataScope scope, long id, Model model, RedirectAttributes redirect, String done,
                        Runnable action) {
        evaluations.sheet(scope, id);
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
            return "redirect:/supervision/evaluations/sheets/" + id;
        } catch (UserInputException e) {
            return render(scope, id, e.getMessage(), model);
        }
    }

    @GetMapping("/supervision/evaluations/sheets/{id}/report.docx")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> report(@PathVariable long id, DataScope scope) {
        EvaluationDocuments.Download d = documents.docx(scope, id);
        return WordDownloads.attachment(d.fileName(), d.content());
    }

    @PostMapping("/supervision/evaluations/actions/{id}/done")
    @PreAuthorize(OFFICE)
    String done(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                @RequestParam(required = false) String link, DataScope scope, Model model,
                RedirectAttributes redirect) {
        long sheet = evaluations.action(scope, id).sheetId();
        try {
            evaluations.markDone(scope, id, version, link);
            redirect.addFlashAttribute("message", "已标记为已办");
            return "redirect:/supervision/evaluations/sheets/" + sheet;
        } catch (UserInputException e) {
            return render(scope, sheet, e.getMessage(), model);
        }
    }

    static long id(String text, String message) {
        if (text == null || text.isBlank()) {
            throw new UserInputException(message);
        }
        try {
            long v = Long.parseLong(text.strip());
            if (v <= 0) {
                throw new UserInputException(message);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UserInputException(message);
        }
    }
}
