package org.xuncha.supervision.letter;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.documents.WordDownloads;
import org.xuncha.platform.web.FileDownload;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.supervision.LetterKind;
import org.xuncha.supervision.LetterStatus;

/**
 * Pages of the supervision letters: the list (filter by kind, status, overdue; htmx swaps the table), the office's
 * form that drafts a letter from an organization's ledger, a letter with its items and the forms the caller may use
 * (the office edits, delivers, settles or returns; the TARGET signs for and answers), its .docx and the answer's
 * attachment, and the same as JSON. Post/redirect/get; a refusal re-renders with its Chinese message and nothing
 * changed.
 */
@Controller
class LetterController {

    static final String READERS = "hasAnyRole('TARGET','OFFICE','LEADER','DISCIPLINE','ORG_DEPT')";
    static final String TARGET = "hasRole('TARGET')";
    static final String OFFICE = "hasRole('OFFICE')";

    private final Letters letters;
    private final LetterRepository repository;
    private final LetterDocuments documents;

    LetterController(Letters letters, LetterRepository repository, LetterDocuments documents) {
        this.letters = letters;
        this.repository = repository;
        this.documents = documents;
    }

    @GetMapping("/supervision/letters")
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                @RequestParam(required = false) String overdue, @RequestParam(required = false) Integer page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, DataScope scope, Model model) {
        fillList(kind, status, overdue, page, scope, model);
        model.addAttribute("form", new LetterForm());
        return htmx != null ? "supervision/letters :: table" : "supervision/letters";
    }

    private void fillList(String kind, String status, String overdue, Integer page, DataScope scope, Model model) {
        LetterRepository.Filter filter = new LetterRepository.Filter(LetterKind.parse(kind).orElse(null),
                LetterStatus.parse(status).orElse(null), null, "true".equals(overdue));
        model.addAttribute("filter", filter);
        model.addAttribute("result", letters.list(scope, filter, ResultPage.clampPage(page), ResultPage.DEFAULT_SIZE));
        model.addAttribute("kinds", LetterKind.values());
        model.addAttribute("statuses", LetterStatus.values());
        model.addAttribute("organizations", repository.writableOrganizations(scope));
        model.addAttribute("office", SupervisionScope.writesAsOffice(scope));
        model.addAttribute("today", letters.today());
    }

    /** The items a letter of the kind would list for the organization (the draft form's choice, an htmx swap). */
    @GetMapping("/supervision/letters/candidates")
    @PreAuthorize(OFFICE)
    String candidates(@RequestParam(required = false) String organization, @RequestParam(required = false) String kind,
                      DataScope scope, Model model) {
        model.addAttribute("candidates", letters.candidates(scope, LetterForm.number(organization, -1L),
                LetterKind.parse(kind).orElse(null)));
        return "supervision/letters :: candidates";
    }

    @PostMapping("/supervision/letters")
    @PreAuthorize(OFFICE)
    String draft(@ModelAttribute("form") LetterForm form, DataScope scope, Model model, RedirectAttributes redirect) {
        try {
            long id = letters.draft(scope, form.organizationId(), form.letterKind(), form.itemIds(), form.days());
            redirect.addFlashAttribute("message", "函件已生成（草稿），请核对后送达");
            return "redirect:/supervision/letters/" + id;
        } catch (UserInputException e) {
            fillList(null, null, null, null, scope, model);
            model.addAttribute("error", e.getMessage());
            return "supervision/letters";
        }
    }

    @GetMapping("/supervision/letters/{id}")
    @PreAuthorize(READERS)
    String detail(@PathVariable long id, DataScope scope, Model model) {
        return render(id, null, scope, model);
    }

    private String render(long id, String error, DataScope scope, Model model) {
        model.addAttribute("v", letters.page(scope, id));
        model.addAttribute("error", error);
        return "supervision/letter";
    }

    private String change(long id, Runnable action, String done, DataScope scope, Model model,
                          RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
            return "redirect:/supervision/letters/" + id;
        } catch (UserInputException e) {
            return render(id, e.getMessage(), scope, model);
        }
    }

    @PostMapping("/supervision/letters/{id}")
    @PreAuthorize(OFFICE)
    String edit(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                @RequestParam(required = false) String title, @RequestParam(required = false) String content,
                @RequestParam(required = false) String answerDays, DataScope scope, Model model,
                RedirectAttributes redirect) {
        Integer days = answerDays == null || answerDays.isBlank() ? null : (int) LetterForm.number(answerDays, -1L);
        return change(id, () -> letters.edit(scope, id, version, title, content, days), "函件已保存", scope, model,
                redirect);
    }

    @PostMapping("/supervision/letters/{id}/deliver")
    @PreAuthorize(OFFICE)
    String deliver(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, DataScope scope,
                   Model model, RedirectAttributes redirect) {
        return change(id, () -> letters.deliver(scope, id, version), "函件已送达被巡察单位", scope, model, redirect);
    }

    @PostMapping("/supervision/letters/{id}/sign")
    @PreAuthorize(TARGET)
    String sign(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, DataScope scope,
                Model model, RedirectAttributes redirect) {
        return change(id, () -> letters.signFor(scope, id, version), "已签收", scope, model, redirect);
    }

    @PostMapping("/supervision/letters/{id}/answer")
    @PreAuthorize(TARGET)
    String answer(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                  @RequestParam(required = false) String text,
                  @RequestParam(required = false) MultipartFile file, DataScope scope, Model model,
                  RedirectAttributes redirect) {
        return change(id, () -> letters.answer(scope, id, version, text, file == null ? null
                : file.getOriginalFilename(), bytes(file)), "答复已报送", scope, model, redirect);
    }

    @PostMapping("/supervision/letters/{id}/settle")
    @PreAuthorize(OFFICE)
    String settle(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, DataScope scope,
                  Model model, RedirectAttributes redirect) {
        return change(id, () -> letters.settle(scope, id, version), "函件已办结", scope, model, redirect);
    }

    @PostMapping("/supervision/letters/{id}/return")
    @PreAuthorize(OFFICE)
    String giveBack(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                    @RequestParam(required = false) String reason, DataScope scope, Model model,
                    RedirectAttributes redirect) {
        return change(id, () -> letters.giveBack(scope, id, version, reason), "答复已退回", scope, model, redirect);
    }

    @GetMapping("/supervision/letters/{id}/docx")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> docx(@PathVariable long id, DataScope scope) {
        LetterDocuments.Download d = documents.docx(scope, id);
        return WordDownloads.attachment(d.fileName(), d.content());
    }

    @GetMapping("/supervision/letters/{id}/attachment")
    @PreAuthorize(READERS)
    void attachment(@PathVariable long id, DataScope scope, jakarta.servlet.http.HttpServletResponse response)
            throws IOException {
        LetterRepository.Attachment a = letters.attachment(scope, id);
        FileDownload.prepare(response, a.name(), org.springframework.http.MediaType.parseMediaType(a.type()));
        response.getOutputStream().write(a.content());
    }

    /** A letter as JSON: the same reading rule as the page (404 outside the caller's scope). */
    @GetMapping("/api/supervision/letters/{id}")
    @PreAuthorize(READERS)
    @ResponseBody
    Map<String, Object> json(@PathVariable long id, DataScope scope) {
        return LetterJson.of(letters.page(scope, id));
    }

    /** The caller's letters as JSON, paged, with the page's filters. */
    @GetMapping("/api/supervision/letters")
    @PreAuthorize(READERS)
    @ResponseBody
    Map<String, Object> jsonList(@RequestParam(required = false) String kind,
                                 @RequestParam(required = false) String status,
                                 @RequestParam(required = false) String overdue,
                                 @RequestParam(required = false) Integer page, DataScope scope) {
        LetterRepository.Filter filter = new LetterRepository.Filter(LetterKind.parse(kind).orElse(null),
                LetterStatus.parse(status).orElse(null), null, "true".equals(overdue));
        ResultPage<LetterRepository.Letter> r = letters.list(scope, filter, ResultPage.clampPage(page),
                ResultPage.DEFAULT_SIZE);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", r.total());
        out.put("page", r.page());
        List<Map<String, Object>> items = r.items().stream().map(l -> LetterJson.summary(l, letters.today())).toList();
        out.put("items", items);
        return out;
    }

    /** Drafts a letter as the page's form does; 400 with the Chinese message when refused. */
    @PostMapping("/api/supervision/letters")
    @PreAuthorize(OFFICE)
    @ResponseBody
    Map<String, Object> jsonDraft(@RequestParam(required = false) String organization,
                                  @RequestParam(required = false) String kind,
                                  @RequestParam(required = false) List<String> items,
                                  @RequestParam(required = false) String answerDays, DataScope scope) {
        LetterForm form = new LetterForm();
        form.setOrganization(organization);
        form.setKind(kind);
        form.setItems(items);
        form.setAnswerDays(answerDays);
        long id = letters.draft(scope, form.organizationId(), form.letterKind(), form.itemIds(), form.days());
        return LetterJson.of(letters.page(scope, id));
    }

    private static byte[] bytes(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UserInputException("附件上传不完整，请重新选择文件");
        }
    }
}
