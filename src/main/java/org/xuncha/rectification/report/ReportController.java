package org.xuncha.rectification.report;

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
import org.xuncha.documents.WordDownloads;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;

/**
 * Pages of the two reports after the feedback: the list (delivered feedback with their reports, due dates and 逾期),
 * a report with its text, signature, steps and the forms the caller may use (the TARGET edits, signs, submits; the
 * office receives or returns) and its .docx. Post/redirect/get; a refusal re-renders the
 * report with its Chinese message and nothing changed. The same actions as JSON: {@link ReportApiController}.
 */
@Controller
class ReportController {

    static final String READERS = "hasAnyRole('TARGET','OFFICE','LEADER','DISCIPLINE','ORG_DEPT','TEAM_LEADER','TEAM_MEMBER')";
    static final String TARGET = "hasRole('TARGET')";
    static final String OFFICE = "hasRole('OFFICE')";

    private final RectificationReports reports;
    private final ReportDocuments documents;

    ReportController(RectificationReports reports, ReportDocuments documents) {
        this.reports = reports;
        this.documents = documents;
    }

    @GetMapping("/rectification/reports")
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) Integer page, DataScope scope, Model model) {
        model.addAttribute("result", reports.list(scope, ResultPage.clampPage(page), ResultPage.DEFAULT_SIZE));
        model.addAttribute("kinds", RectificationReportKind.values());
        model.addAttribute("today", reports.today());
        return "rectification/report/list";
    }

    @PostMapping("/rectification/reports")
    @PreAuthorize(TARGET)
    String open(@RequestParam(defaultValue = "-1") long feedback, @RequestParam(required = false) String kind,
                DataScope scope) {
        return "redirect:/rectification/reports/" + reports.open(scope, feedback,
                RectificationReportKind.parse(kind).orElse(null));
    }

    @GetMapping("/rectification/reports/{id}")
    @PreAuthorize(READERS)
    String detail(@PathVariable long id, DataScope scope, Model model) {
        return render(id, null, scope, model);
    }

    private String render(long id, String error, DataScope scope, Model model) {
        model.addAttribute("v", reports.page(scope, id));
        model.addAttribute("error", error);
        return "rectification/report/detail";
    }

    private String change(long id, Runnable action, String done, DataScope scope, Model model,
                          RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
            return "redirect:/rectification/reports/" + id;
        } catch (UserInputException e) {
            return render(id, e.getMessage(), scope, model);
        }
    }

    @PostMapping("/rectification/reports/{id}")
    @PreAuthorize(TARGET)
    String edit(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                @RequestParam(required = false) String title, @RequestParam(required = false) String content,
                DataScope scope, Model model, RedirectAttributes redirect) {
        return change(id, () -> reports.edit(scope, id, version, title, content), "报告已保存（如已签字，须重新签字）",
                scope, model, redirect);
    }

    @PostMapping("/rectification/reports/{id}/sign")
    @PreAuthorize(TARGET)
    String sign(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                @RequestParam(required = false) String password, @RequestParam(required = false) String post,
                DataScope scope, Model model, RedirectAttributes redirect) {
        return change(id, () -> reports.sign(scope, id, version, password, post), "主要负责人已签字", scope, model,
                redirect);
    }

    @PostMapping("/rectification/reports/{id}/submit")
    @PreAuthorize(TARGET)
    String submit(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, DataScope scope,
                  Model model, RedirectAttributes redirect) {
        return change(id, () -> reports.submit(scope, id, version), "报告已报送", scope, model, redirect);
    }

    @PostMapping("/rectification/reports/{id}/receive")
    @PreAuthorize(OFFICE)
    String receive(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, DataScope scope,
                   Model model, RedirectAttributes redirect) {
        return change(id, () -> reports.receive(scope, id, version), "报告已接收", scope, model, redirect);
    }

    @PostMapping("/rectification/reports/{id}/return")
    @PreAuthorize(OFFICE)
    String giveBack(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                    @RequestParam(required = false) String reason, DataScope scope, Model model,
                    RedirectAttributes redirect) {
        return change(id, () -> reports.giveBack(scope, id, version, reason), "报告已退回", scope, model, redirect);
    }

    @GetMapping("/rectification/reports/{id}/docx")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> docx(@PathVariable long id, DataScope scope) {
        ReportDocuments.Download d = documents.docx(scope, id);
        return WordDownloads.attachment(d.fileName(), d.content());
    }
}
