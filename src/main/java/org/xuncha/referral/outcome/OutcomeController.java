package org.xuncha.referral.outcome;

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
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.referral.Form;
import org.xuncha.referral.OutcomeKind;

/**
 * The outcome events of a transferred item ({@code /referrals/items/{id}/outcomes}: the list with corrections
 * marked, each person's 四种形态, the record form for the receiver or the office; with {@code HX-Request} the panel
 * alone, for the item page to include) and the discipline body's 投案自首 ({@code /referrals/surrenders}).
 */
@Controller
class OutcomeController {

    static final String READERS = "hasAnyRole('OFFICE','DISCIPLINE','ORG_DEPT','COLLABORATOR','TEAM_LEADER','TEAM_MEMBER')";
    static final String WRITERS = "hasAnyRole('OFFICE','DISCIPLINE','ORG_DEPT','COLLABORATOR')";
    static final String DISCIPLINE = "hasRole('DISCIPLINE')";

    private final Outcomes outcomes;

    OutcomeController(Outcomes outcomes) {
        this.outcomes = outcomes;
    }

    @GetMapping("/referrals/items/{id}/outcomes")
    @PreAuthorize(READERS)
    String outcomes(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx,
                    DataScope scope, Model model) {
        page(scope, id, new OutcomeForm(), null, model);
        return htmx != null ? "referral/outcomes :: panel" : "referral/outcomes";
    }

    private void page(DataScope scope, long id, OutcomeForm form, String error, Model model) {
        model.addAttribute("o", outcomes.outcomesOf(scope, id));
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("kinds", OutcomeKind.recordable());
        model.addAttribute("formValues", Form.values());
        model.addAttribute("today", outcomes.today());
    }

    @PostMapping("/referrals/items/{id}/outcomes")
    @PreAuthorize(WRITERS)
    String record(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                  @RequestParam(required = false) Long corrects, OutcomeForm form, DataScope scope, Model model,
                  RedirectAttributes redirect) {
        outcomes.item(scope, id);
        try {
            if (corrects == null) {
                outcomes.recordOutcome(scope, id, version, form.draft());
                redirect.addFlashAttribute("message", "已登记办理情况");
            } else {
                outcomes.correctOutcome(scope, id, version, corrects, form.draft());
                redirect.addFlashAttribute("message", "已更正记录");
            }
            return "redirect:/referrals/items/" + id + "/outcomes";
        } catch (UserInputException e) {
            page(scope, id, form, e.getMessage(), model);
            return "referral/outcomes";
        }
    }

    @GetMapping("/referrals/surrenders")
    @PreAuthorize(DISCIPLINE)
    String surrenders(@RequestParam(required = false) Integer page, DataScope scope, Model model) {
        surrenderPage(scope, page, null, model);
        return "referral/surrenders";
    }

    private void surrenderPage(DataScope scope, Integer page, String error, Model model) {
        model.addAttribute("result", outcomes.surrenders(scope, ResultPage.clampPage(page), ResultPage.DEFAULT_SIZE));
        model.addAttribute("inspections", outcomes.surrenderInspections(scope));
        model.addAttribute("error", error);
        model.addAttribute("today", outcomes.today());
    }

    @PostMapping("/referrals/surrenders")
    @PreAuthorize(DISCIPLINE)
    String recordSurrender(@RequestParam(required = false) String surrenderedOn,
                           @RequestParam(required = false) Long inspection, @RequestParam(required = false) String note,
                           DataScope scope, Model model, RedirectAttributes redirect) {
        try {
            outcomes.recordSurrender(scope, OutcomeForm.date(surrenderedOn, "投案日期"), inspection, note);
            redirect.addFlashAttribute("message", "已登记投案自首");
            return "redirect:/referrals/surrenders";
        } catch (UserInputException e) {
            surrenderPage(scope, null, e.getMessage(), model);
            return "referral/surrenders";
        }
    }
}
