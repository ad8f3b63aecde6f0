package org.xuncha.supervision.revisit;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.UserInputException;

/**
 * The special-check pages (issue 15 §3): the list with the office's form for a new check, and one check with its
 * items, the office's choice of organizations or items, the moves and a finding per item; its JSON beside them.
 * Post/redirect/get; a refusal re-renders the page with its message (status 400).
 */
@Controller
class SpecialCheckController {

    static final String READERS = "hasAnyRole('OFFICE','LEADER','DISCIPLINE','ORG_DEPT')";

    private final SpecialChecks checks;

    SpecialCheckController(SpecialChecks checks) {
        this.checks = checks;
    }

    @GetMapping("/supervision/special-checks")
    @PreAuthorize(READERS)
    String list(DataScope scope, Model model) {
        return renderList(scope, null, model);
    }

    private String renderList(DataScope scope, String error, Model model) {
        model.addAttribute("checks", checks.list(scope));
        model.addAttribute("canCreate", scope.body() != null && RevisitScope.officeWrites(scope, scope.body().value()));
        model.addAttribute("error", error);
        return "supervision/revisit/special-checks";
    }

    @PostMapping("/supervision/special-checks")
    @PreAuthorize(RevisitController.OFFICE)
    String create(@RequestParam(required = false) String title, @RequestParam(required = false) String jointTeam,
                  @RequestParam(required = false) String plannedOn, DataScope scope, HttpServletResponse response,
                  Model model) {
        try {
            long id = checks.create(scope, title, jointTeam, RevisitController.date(plannedOn));
            return "redirect:/supervision/special-checks/" + id;
        } catch (UserInputException e) {
            response.setStatus(400);
            return renderList(scope, e.getMessage(), model);
        }
    }

    @GetMapping("/supervision/special-checks/{id}")
    @PreAuthorize(READERS)
    String page(@PathVariable long id, DataScope scope, Model model) {
        return render(scope, id, null, model);
    }

    private String render(DataScope scope, long id, String error, Model model) {
        model.addAttribute("p", checks.page(scope, id));
        model.addAttribute("outcomes", ItemOutcome.values());
        model.addAttribute("error", error);
        return "supervision/revisit/special-check";
    }

    interface Change {
        void run();
    }

    private String change(DataScope scope, long id, Change change, String message, HttpServletResponse response,
                          Model model, RedirectAttributes redirect) {
        checks.get(scope, id);
        try {
            change.run();
            redirect.addFlashAttribute("message", message);
            return "redirect:/supervision/special-checks/" + id;
        } catch (UserInputException e) {
            response.setStatus(400);
            return render(scope, id, e.getMessage(), model);
        }
    }

    @PostMapping("/supervision/special-checks/{id}/items")
    @PreAuthorize(RevisitController.OFFICE)
    String choose(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                  @RequestParam(required = false) String revisit, @RequestParam(required = false) String item,
                  DataScope scope, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return change(scope, id, () -> checks.choose(scope, id, version, RevisitController.itemId(revisit),
                        item == null || item.isBlank() ? null : RevisitController.itemId(item)),
                "已加入督查事项", response, model, redirect);
    }

    @PostMapping("/supervision/special-checks/{id}/start")
    @PreAuthorize(RevisitController.OFFICE)
    String start(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, DataScope scope,
                 HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return change(scope, id, () -> checks.start(scope, id, version), "专项督查已开始", response, model, redirect);
    }

    @PostMapping("/supervision/special-checks/{id}/findings")
    @PreAuthorize(RevisitController.OFFICE)
    String record(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                  @RequestParam(required = false) String item, @RequestParam(required = false) String outcome,
                  @RequestParam(required = false) String finding, DataScope scope, HttpServletResponse response,
                  Model model, RedirectAttributes redirect) {
        return change(scope, id, () -> checks.record(scope, id, version, RevisitController.itemId(item),
                        outcome == null ? null : ItemOutcome.parse(outcome).orElse(null), finding),
                "已记录督查发现", response, model, redirect);
    }

    @PostMapping("/supervision/special-checks/{id}/complete")
    @PreAuthorize(RevisitController.OFFICE)
    String complete(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, DataScope scope,
                    HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return change(scope, id, () -> checks.complete(scope, id, version), "专项督查已完成", response, model,
                redirect);
    }

    record CheckJson(long id, String title, String jointTeam, String plannedOn, SpecialCheckStatus status,
                     int version, List<SpecialCheckRepository.Entry> items) {
    }

    @GetMapping("/api/supervision/special-checks")
    @PreAuthorize(READERS)
    @ResponseBody
    List<CheckJson> listJson(DataScope scope) {
        return checks.list(scope).stream().map(c -> new CheckJson(c.id(), c.title(), c.jointTeam(),
                c.plannedOn().toString(), c.status(), c.rowVersion(), null)).toList();
    }

    @GetMapping("/api/supervision/special-checks/{id}")
    @PreAuthorize(READERS)
    @ResponseBody
    CheckJson json(@PathVariable long id, DataScope scope) {
        SpecialChecks.Page p = checks.page(scope, id);
        var c = p.check();
        return new CheckJson(c.id(), c.title(), c.jointTeam(), c.plannedOn().toString(), c.status(),
                c.rowVersion(), p.entries());
    }
}
