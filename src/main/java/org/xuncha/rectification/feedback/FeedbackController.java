package org.xuncha.rectification.feedback;

import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.documents.WordDownloads;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.FeedbackStatus;

/**
 * The 反馈意见 pages: the list (and, for the office, the inspections it may draft for), a feedback with its text,
 * its comparison with the report, the review trail and the actions the caller may take; the TARGET's own delivered
 * feedback in the fed-back wording only; the edit form; the office's reporting requirement. Actions redirect back
 * (PRG) with the message or the refusal.
 */
@Controller
class FeedbackController {

    static final String READERS = "hasAnyRole('OFFICE','LEADER','TEAM_LEADER','TEAM_MEMBER','DISCIPLINE','ORG_DEPT',"
            + "'TARGET')";
    static final String ACTORS = "hasAnyRole('OFFICE','LEADER')";
    static final String OFFICE = "hasRole('OFFICE')";

    private final FeedbackLetters letters;
    private final FeedbackReview review;
    private final FeedbackTerms terms;
    private final FeedbackDocuments documents;

    FeedbackController(FeedbackLetters letters, FeedbackReview review, FeedbackTerms terms,
                       FeedbackDocuments documents) {
        this.letters = letters;
        this.review = review;
        this.terms = terms;
        this.documents = documents;
    }

    @GetMapping("/rectification/feedback")
    @PreAuthorize(READERS)
    String list(DataScope scope, Model model) {
        model.addAttribute("items", letters.list(scope));
        model.addAttribute("candidates", letters.candidates(scope));
        model.addAttribute("target", scope.has(Role.TARGET));
        return "rectification/feedback/list";
    }

    @PostMapping("/rectification/feedback")
    @PreAuthorize(OFFICE)
    String draft(@RequestParam(required = false) String inspectionId,
                 @RequestParam(required = false) String organizationId, DataScope scope,
                 RedirectAttributes redirect) {
        try {
            long id = letters.draft(scope, FeedbackForms.id(inspectionId, "巡察"),
                    FeedbackForms.id(organizationId, "被巡察单位"));
            redirect.addFlashAttribute("message", "已起草反馈意见，请核对问题表述");
            return "redirect:/rectification/feedback/" + id;
        } catch (UserInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/rectification/feedback";
        }
    }

    @GetMapping("/rectification/feedback/{id}")
    @PreAuthorize(READERS)
    String detail(@PathVariable long id, DataScope scope, Model model) {
        if (!FeedbackScope.full(scope)) {
            model.addAttribute("f", letters.delivered(scope, id));
            return "rectification/feedback/delivered";
        }
        FeedbackView f = letters.get(scope, id);
        model.addAttribute("f", f);
        model.addAttribute("comparison", letters.comparison(scope, id));
        model.addAttribute("trail", review.trail(scope, id));
        model.addAttribute("mayAct", review.mayAct(scope, f));
        boolean office = scope.has(Role.OFFICE) && scope.canWrite(org.xuncha.common.BodyId.of(f.bodyId()));
        model.addAttribute("office", office);
        model.addAttribute("sessionKinds", FeedbackSession.values());
        model.addAttribute("recipients", CopyRecipient.values());
        model.addAttribute("ready", f.status() == FeedbackStatus.READY);
        return "rectification/feedback/detail";
    }

    @GetMapping("/rectification/feedback/{id}/edit")
    @PreAuthorize(OFFICE)
    String editForm(@PathVariable long id, DataScope scope, Model model) {
        FeedbackView f = letters.get(scope, id);
        FeedbackLetters.requireOffice(scope, f.bodyId());
        model.addAttribute("f", f);
        model.addAttribute("comparison", letters.comparison(scope, id));
        return "rectification/feedback/edit";
    }

    @PostMapping("/rectification/feedback/{id}/edit")
    @PreAuthorize(OFFICE)
    String edit(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, DataScope scope,
                RedirectAttributes redirect) {
        letters.get(scope, id);
        try {
            letters.edit(scope, id, FeedbackForms.version(form.getFirst("version")), form.getFirst("title"),
                    form.getFirst("opening"), form.getFirst("closing"), FeedbackForms.items(form));
            redirect.addFlashAttribute("message", "已保存");
            return "redirect:/rectification/feedback/" + id;
        } catch (UserInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/rectification/feedback/" + id + "/edit";
        }
    }

    @PostMapping("/rectification/feedback/{id}/pass")
    @PreAuthorize(ACTORS)
    String pass(@PathVariable long id, @RequestParam(required = false) String version,
                @RequestParam(required = false) String opinion, DataScope scope, RedirectAttributes redirect) {
        FeedbackView f = letters.get(scope, id);
        return act(id, redirect, "“" + f.status().step() + "”已完成",
                () -> review.pass(scope, id, FeedbackForms.version(version), opinion));
    }

    @PostMapping("/rectification/feedback/{id}/return")
    @PreAuthorize(ACTORS)
    String giveBack(@PathVariable long id, @RequestParam(required = false) String version,
                    @RequestParam(required = false) String reason, DataScope scope, RedirectAttributes redirect) {
        letters.get(scope, id);
        return act(id, redirect, "已退回修改",
                () -> review.returnForRevision(scope, id, FeedbackForms.version(version), reason));
    }

    @PostMapping("/rectification/feedback/{id}/check-names")
    @PreAuthorize(OFFICE)
    String checkNames(@PathVariable long id, DataScope scope, RedirectAttributes redirect) {
        letters.get(scope, id);
        try {
            Optional<String> problem = review.checkNames(scope, id);
            if (problem.isPresent()) {
                redirect.addFlashAttribute("error", problem.get());
            } else {
                redirect.addFlashAttribute("message", "未发现信访举报人、谈话对象或涉及人员的姓名");
            }
        } catch (UserInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/rectification/feedback/" + id;
    }

    @PostMapping("/rectification/feedback/{id}/sessions")
    @PreAuthorize(OFFICE)
    String session(@PathVariable long id, @RequestParam(required = false) String session,
                   @RequestParam(required = false) String heldOn, @RequestParam(required = false) String place,
                   @RequestParam(required = false) String attendees, @RequestParam(required = false) String note,
                   DataScope scope, RedirectAttributes redirect) {
        letters.get(scope, id);
        return act(id, redirect, "已记录反馈会议", () -> review.recordSession(scope, id,
                FeedbackForms.choice(FeedbackSession.class, session, "反馈方式"),
                FeedbackForms.date(heldOn, "会议日期"), place, attendees, note));
    }

    @PostMapping("/rectification/feedback/{id}/copies")
    @PreAuthorize(OFFICE)
    String copy(@PathVariable long id, @RequestParam(required = false) String recipient,
                @RequestParam(required = false) String addressee, @RequestParam(required = false) String sentOn,
                DataScope scope, RedirectAttributes redirect) {
        letters.get(scope, id);
        return act(id, redirect, "已记录抄告", () -> review.recordCopy(scope, id,
                FeedbackForms.choice(CopyRecipient.class, recipient, "抄告对象"), addressee,
                FeedbackForms.date(sentOn, "抄告日期")));
    }

    @PostMapping("/rectification/feedback/{id}/deliver")
    @PreAuthorize(OFFICE)
    String deliver(@PathVariable long id, @RequestParam(required = false) String version,
                   @RequestParam(required = false) String deliveredOn, DataScope scope, RedirectAttributes redirect) {
        letters.get(scope, id);
        return act(id, redirect, "已反馈", () -> review.deliver(scope, id, FeedbackForms.version(version),
                FeedbackForms.date(deliveredOn, "反馈日期")));
    }

    @GetMapping("/rectification/feedback/{id}/docx")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> docx(@PathVariable long id, DataScope scope) {
        FeedbackDocuments.Written w = documents.letter(scope, id);
        return WordDownloads.attachment(w.fileName(), w.content());
    }

    @GetMapping("/rectification/feedback/settings")
    @PreAuthorize(OFFICE)
    String settings(DataScope scope, Model model) {
        model.addAttribute("s", terms.settings(scope));
        return "rectification/feedback/settings";
    }

    @PostMapping("/rectification/feedback/settings")
    @PreAuthorize(OFFICE)
    String changeSettings(@RequestParam(required = false) String version,
                          @RequestParam(required = false) String planWorkingDays,
                          @RequestParam(required = false) String reportMonths, DataScope scope,
                          RedirectAttributes redirect) {
        try {
            terms.change(scope, FeedbackForms.version(version), number(planWorkingDays, "整改方案报送期限"),
                    number(reportMonths, "整改情况报告报送期限"));
            redirect.addFlashAttribute("message", "已保存");
        } catch (UserInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/rectification/feedback/settings";
    }

    static Integer number(String raw, String what) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException(what + "应为整数");
        }
    }

    private static String act(long id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (UserInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/rectification/feedback/" + id;
    }
}
