package org.xuncha.rectification.plan;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.documents.WordDownloads;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.PlanStatus;

/**
 * Pages of 整改方案: the list (delivered feedback and their plans, by status), the plan with its three lists, the
 * TARGET's drafting, 签字背书, submission and 专题民主生活会, the joint review's opinions and the office's decision,
 * and the two .docx. Post/redirect/get; a refusal re-renders the plan with its Chinese message and nothing changed.
 */
@Controller
class PlanController {

    /** Who reads plans: LedgerScope.readable (internal) narrows each role to its rows. */
    static final String READERS = "hasAnyRole('TARGET','OFFICE','LEADER','DISCIPLINE','ORG_DEPT','TEAM_LEADER','TEAM_MEMBER')";
    /** The inspected organization drafts, signs and submits its own plan. */
    static final String TARGET = "hasRole('TARGET')";
    /** The joint review's participants (ReviewParticipant.of decides the part per plan). */
    static final String REVIEWERS = "hasAnyRole('OFFICE','DISCIPLINE','ORG_DEPT','TEAM_LEADER')";
    /** Only the office of the body decides. */
    static final String OFFICE = "hasRole('OFFICE')";

    private final Plans plans;
    private final PlanReviews reviews;
    private final PlanDocuments documents;

    PlanController(Plans plans, PlanReviews reviews, PlanDocuments documents) {
        this.plans = plans;
        this.reviews = reviews;
        this.documents = documents;
    }

    static PlanListFilter filter(String status) {
        if (status == null || status.isBlank()) {
            return PlanListFilter.none();
        }
        if (status.strip().equals("UNOPENED")) {
            return new PlanListFilter(null, true);
        }
        try {
            return new PlanListFilter(PlanStatus.valueOf(status.strip()), false);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("未知的整改方案状态");
        }
    }

    static LocalDate date(String raw, String what) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new UserInputException(what + "的日期格式不正确");
        }
    }

    static Boolean yes(String raw) {
        return raw == null || raw.isBlank() ? null : Boolean.valueOf("true".equals(raw.strip()));
    }

    @GetMapping("/rectification/plans")
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size,
                @RequestHeader(value = "HX-Request", required = false) String htmx, DataScope scope, Model model) {
        PlanListFilter filter = filter(status);
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", PlanStatus.values());
        model.addAttribute("result", plans.list(scope, filter, ResultPage.clampPage(page), ResultPage.clampSize(size)));
        model.addAttribute("target", scope.has(org.xuncha.common.Role.TARGET));
        return htmx != null ? "rectification/plan/list :: results" : "rectification/plan/list";
    }

    @PostMapping("/rectification/plans")
    @PreAuthorize(TARGET)
    String open(@RequestParam(defaultValue = "-1") long feedback, DataScope scope) {
        return "redirect:/rectification/plans/" + plans.open(scope, feedback);
    }

    @GetMapping("/rectification/plans/{id}")
    @PreAuthorize(READERS)
    String detail(@PathVariable long id, DataScope scope, Model model) {
        return render(id, null, scope, model);
    }

    private String render(long id, String error, DataScope scope, Model model) {
        model.addAttribute("v", plans.view(scope, id));
        model.addAttribute("questions", ReviewQuestion.values());
        model.addAttribute("error", error);
        return "rectification/plan/detail";
    }

    /** Runs a change, then redirects to the plan with {@code done}; a refusal re-renders it with the message. */
    private String change(long id, Runnable action, String done, DataScope scope, Model model,
                          RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
            return "redirect:/rectification/plans/" + id;
        } catch (UserInputException e) {
            return render(id, e.getMessage(), scope, model);
        }
    }

    static ItemDraft draft(Long problem, String goal, String measures, String leader, String department,
                           String handler, String dueOn, String mechanism) {
        return new ItemDraft(problem, goal, measures, leader, department, handler, date(dueOn, "完成时限"), mechanism);
    }

    @PostMapping("/rectification/plans/{id}/items")
    @PreAuthorize(TARGET)
    String addItem(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                   @RequestParam(required = false) Long problem, @RequestParam(required = false) String goal,
                   @RequestParam(required = false) String measures, @RequestParam(required = false) String leader,
                   @RequestParam(required = false) String department, @RequestParam(required = false) String handler,
                   @RequestParam(required = false) String dueOn, @RequestParam(required = false) String mechanism,
                   DataScope scope, Model model, RedirectAttributes redirect) {
        return change(id, () -> plans.addItem(scope, id, version, draft(problem, goal, measures, leader, department,
                handler, dueOn, mechanism)), "已增加整改事项", scope, model, redirect);
    }

    @PostMapping("/rectification/plans/{id}/items/{item}")
    @PreAuthorize(TARGET)
    String changeItem(@PathVariable long id, @PathVariable long item, @RequestParam(defaultValue = "-1") int version,
                      @RequestParam(required = false) String goal, @RequestParam(required = false) String measures,
                      @RequestParam(required = false) String leader, @RequestParam(required = false) String department,
                      @RequestParam(required = false) String handler, @RequestParam(required = false) String dueOn,
                      @RequestParam(required = false) String mechanism, DataScope scope, Model model,
                      RedirectAttributes redirect) {
        return change(id, () -> plans.changeItem(scope, id, item, version, draft(null, goal, measures, leader,
                department, handler, dueOn, mechanism)), "已修改整改事项", scope, model, redirect);
    }

    @PostMapping("/rectification/plans/{id}/items/{item}/delete")
    @PreAuthorize(TARGET)
    String removeItem(@PathVariable long id, @PathVariable long item, @RequestParam(defaultValue = "-1") int version,
                      DataScope scope, Model model, RedirectAttributes redirect) {
        return change(id, () -> plans.removeItem(scope, id, item, version), "已删除整改事项", scope, model, redirect);
    }

    @PostMapping("/rectification/plans/{id}/sign")
    @PreAuthorize(TARGET)
    String sign(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                @RequestParam(required = false) String password, @RequestParam(required = false) String post,
                DataScope scope, Model model, RedirectAttributes redirect) {
        return change(id, () -> plans.sign(scope, id, version, password, post), "主要负责人已签字", scope, model,
                redirect);
    }

    @PostMapping("/rectification/plans/{id}/submit")
    @PreAuthorize(TARGET)
    String submit(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, DataScope scope, Model model,
                  RedirectAttributes redirect) {
        return change(id, () -> plans.submit(scope, id, version), "整改方案已报送审核", scope, model, redirect);
    }

    @PostMapping("/rectification/plans/{id}/life-meeting")
    @PreAuthorize(TARGET)
    String lifeMeeting(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                       @RequestParam(required = false) String heldOn, DataScope scope, Model model,
                       RedirectAttributes redirect) {
        return change(id, () -> plans.recordLifeMeeting(scope, id, version, date(heldOn, "专题民主生活会")),
                "已登记专题民主生活会", scope, model, redirect);
    }

    @PostMapping("/rectification/plans/{id}/opinions")
    @PreAuthorize(REVIEWERS)
    String opinion(@PathVariable long id, @RequestParam(required = false) String answeredOk,
                   @RequestParam(required = false) String answeredNote,
                   @RequestParam(required = false) String targetedOk,
                   @RequestParam(required = false) String targetedNote,
                   @RequestParam(required = false) String responsibilityOk,
                   @RequestParam(required = false) String responsibilityNote,
                   @RequestParam(required = false) String deadlineOk,
                   @RequestParam(required = false) String deadlineNote,
                   @RequestParam(required = false) String opinion, DataScope scope, Model model,
                   RedirectAttributes redirect) {
        OpinionDraft d = new OpinionDraft(yes(answeredOk), answeredNote, yes(targetedOk), targetedNote,
                yes(responsibilityOk), responsibilityNote, yes(deadlineOk), deadlineNote, opinion);
        return change(id, () -> reviews.giveOpinion(scope, id, d), "已提出审核意见", scope, model, redirect);
    }

    @PostMapping("/rectification/plans/{id}/approve")
    @PreAuthorize(OFFICE)
    String approve(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, DataScope scope,
                   Model model, RedirectAttributes redirect) {
        return change(id, () -> reviews.approve(scope, id, version), "整改方案已审核通过", scope, model, redirect);
    }

    @PostMapping("/rectification/plans/{id}/return")
    @PreAuthorize(OFFICE)
    String giveBack(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                    @RequestParam(required = false) String reason, DataScope scope, Model model,
                    RedirectAttributes redirect) {
        return change(id, () -> reviews.giveBack(scope, id, version, reason), "整改方案已退回修改", scope, model,
                redirect);
    }

    @GetMapping("/rectification/plans/{id}/docx")
    @PreAuthorize(READERS)
    Object planDocx(@PathVariable long id, DataScope scope) {
        PlanDocuments.Download d = documents.plan(scope, id);
        return WordDownloads.attachment(d.fileName(), d.content());
    }

    @GetMapping("/rectification/plans/{id}/review-docx")
    @PreAuthorize(READERS)
    Object reviewDocx(@PathVariable long id, DataScope scope, Model model) {
        try {
            PlanDocuments.Download d = documents.review(scope, id);
            return WordDownloads.attachment(d.fileName(), d.content());
        } catch (UserInputException e) {
            return render(id, e.getMessage(), scope, model);
        }
    }
}
