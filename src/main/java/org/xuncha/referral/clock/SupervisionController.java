package org.xuncha.referral.clock;

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
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;

/**
 * 挂牌督办 pages: the list (the office's and the receivers' supervised items, the ones missing this cycle's progress
 * first; for the office also its open items it may mark), and one item's clock with its marks and progress reports
 * and the caller's forms.
 */
@Controller
class SupervisionController {

    static final String READERS = "hasAnyRole('OFFICE','DISCIPLINE','ORG_DEPT','COLLABORATOR')";
    static final String RECEIVERS = "hasAnyRole('DISCIPLINE','ORG_DEPT','COLLABORATOR')";

    private final Supervision supervision;

    SupervisionController(Supervision supervision) {
        this.supervision = supervision;
    }

    @GetMapping("/referrals/supervised")
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                DataScope scope, Model model) {
        ResultPage<ClockItem> result = supervision.list(scope, ResultPage.clampPage(page), ResultPage.clampSize(size));
        model.addAttribute("result", result);
        model.addAttribute("markable", scope.has(Role.OFFICE) ? supervision.markable(scope) : java.util.List.of());
        model.addAttribute("office", scope.has(Role.OFFICE));
        return "referral/supervised-list";
    }

    @GetMapping("/referrals/supervised/{id}")
    @PreAuthorize(READERS)
    String detail(@PathVariable long id, DataScope scope, Model model) {
        return render(id, null, scope, model);
    }

    private String render(long id, String error, DataScope scope, Model model) {
        model.addAttribute("d", supervision.detail(scope, id));
        model.addAttribute("error", error);
        return "referral/supervised-item";
    }

    private String step(long id, Runnable change, String done, DataScope scope, Model model,
                        RedirectAttributes redirect) {
        supervision.get(scope, id); // not found in scope: 404 before any message
        try {
            change.run();
            redirect.addFlashAttribute("message", done);
            return "redirect:/referrals/supervised/" + id;
        } catch (UserInputException e) {
            return render(id, e.getMessage(), scope, model);
        }
    }

    @PostMapping("/referrals/supervised/{id}/mark")
    @PreAuthorize(ReplyTermController.OFFICE)
    String mark(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                @RequestParam(required = false) String reason, DataScope scope, Model model,
                RedirectAttributes redirect) {
        return step(id, () -> supervision.mark(scope, id, version, reason), "已挂牌督办", scope, model, redirect);
    }

    @PostMapping("/referrals/supervised/{id}/unmark")
    @PreAuthorize(ReplyTermController.OFFICE)
    String unmark(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                  @RequestParam(required = false) String reason, DataScope scope, Model model,
                  RedirectAttributes redirect) {
        return step(id, () -> supervision.unmark(scope, id, version, reason), "已摘牌", scope, model, redirect);
    }

    @PostMapping("/referrals/supervised/{id}/progress")
    @PreAuthorize(RECEIVERS)
    String progress(@PathVariable long id, @RequestParam(required = false) String progress,
                    @RequestParam(required = false) String correction, DataScope scope, Model model,
                    RedirectAttributes redirect) {
        return step(id, () -> supervision.report(scope, id, progress, "true".equals(correction)), "已报送进展",
                scope, model, redirect);
    }
}
