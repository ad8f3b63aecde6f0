package org.xuncha.supervision.revisit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.PublicAddress;
import org.xuncha.platform.web.UserInputException;

/**
 * The revisit pages (issue 15 §2): the list ({@code /supervision/revisits}, by status), one revisit with its plan,
 * the four checks, the result per ledger item and the questionnaire's link and figures, and the office's interval
 * setting. The TARGET sees its own revisits' dates and checklist only. Post/redirect/get; a refusal re-renders the
 * page with its message (status 400).
 */
@Controller
class RevisitController {

    static final String READERS = "hasAnyRole('OFFICE','LEADER','TARGET','DISCIPLINE','ORG_DEPT','TEAM_LEADER','TEAM_MEMBER')";
    static final String OFFICE = "hasRole('OFFICE')";

    private final Revisits revisits;
    private final PublicAddress address;

    RevisitController(Revisits revisits, PublicAddress address) {
        this.revisits = revisits;
        this.address = address;
    }

    @GetMapping("/supervision/revisits")
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) String status, DataScope scope, Model model) {
        RevisitStatus s = status == null ? null : RevisitStatus.parse(status).orElse(null);
        model.addAttribute("revisits", revisits.list(scope, s));
        model.addAttribute("status", s);
        model.addAttribute("statuses", RevisitStatus.values());
        model.addAttribute("max", RevisitRepository.LIST_MAX);
        model.addAttribute("canSet", scope.body() != null && RevisitScope.officeWrites(scope, scope.body().value()));
        return "supervision/revisit/list";
    }

    @GetMapping("/supervision/revisits/{id}")
    @PreAuthorize(READERS)
    String page(@PathVariable long id, DataScope scope, Model model) {
        return render(scope, id, null, model);
    }

    private String render(DataScope scope, long id, String error, Model model) {
        Revisits.Page p = revisits.page(scope, id);
        model.addAttribute("p", p);
        model.addAttribute("checks", RevisitCheck.values());
        model.addAttribute("outcomes", ItemOutcome.values());
        model.addAttribute("questions", SurveyQuestion.values());
        model.addAttribute("choices", SurveyChoice.values());
        model.addAttribute("definition", SurveyCounts.DEFINITION);
        model.addAttribute("surveyUrl", p.target() ? null : address.url("/r/survey/" + p.revisit().surveyToken()));
        model.addAttribute("error", error);
        return "supervision/revisit/revisit";
    }

    private String refused(DataScope scope, long id, UserInputException e, HttpServletResponse response,
                           Model model) {
        response.setStatus(400);
        return render(scope, id, e.getMessage(), model);
    }

    @PostMapping("/supervision/revisits/{id}/plan")
    @PreAuthorize(OFFICE)
    String plan(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                @RequestParam(required = false) String plannedOn, @RequestParam(required = false) String team,
                DataScope scope, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        revisits.get(scope, id);
        try {
            revisits.plan(scope, id, version, date(plannedOn), team);
            redirect.addFlashAttribute("message", "已保存回访安排");
            return "redirect:/supervision/revisits/" + id;
        } catch (UserInputException e) {
            return refused(scope, id, e, response, model);
        }
    }

    @PostMapping("/supervision/revisits/{id}/start")
    @PreAuthorize(OFFICE)
    String start(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, DataScope scope,
                 HttpServletResponse response, Model model, RedirectAttributes redirect) {
        revisits.get(scope, id);
        try {
            revisits.start(scope, id, version);
            redirect.addFlashAttribute("message", "回访已开始");
            return "redirect:/supervision/revisits/" + id;
        } catch (UserInputException e) {
            return refused(scope, id, e, response, model);
        }
    }

    @PostMapping("/supervision/revisits/{id}/checks")
    @PreAuthorize(OFFICE)
    String check(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                 @RequestParam(required = false) String check, @RequestParam(required = false) String on,
                 @RequestParam(required = false) String note, DataScope scope, HttpServletResponse response,
                 Model model, RedirectAttributes redirect) {
        revisits.get(scope, id);
        try {
            revisits.recordCheck(scope, id, version, check == null ? null : RevisitCheck.parse(check).orElse(null),
                    date(on), note);
            redirect.addFlashAttribute("message", "已记录核查情况");
            return "redirect:/supervision/revisits/" + id;
        } catch (UserInputException e) {
            return refused(scope, id, e, response, model);
        }
    }

    @PostMapping("/supervision/revisits/{id}/results")
    @PreAuthorize(OFFICE)
    String decide(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                  @RequestParam(required = false) String item, @RequestParam(required = false) String outcome,
                  @RequestParam(required = false) String note, DataScope scope, HttpServletResponse response,
                  Model model, RedirectAttributes redirect) {
        revisits.get(scope, id);
        try {
            revisits.decide(scope, id, version, itemId(item),
                    outcome == null ? null : ItemOutcome.parse(outcome).orElse(null), note);
            redirect.addFlashAttribute("message", "已记录回访结果");
            return "redirect:/supervision/revisits/" + id;
        } catch (UserInputException e) {
            return refused(scope, id, e, response, model);
        }
    }

    @PostMapping("/supervision/revisits/{id}/complete")
    @PreAuthorize(OFFICE)
    String complete(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, DataScope scope,
                    HttpServletResponse response, Model model, RedirectAttributes redirect) {
        revisits.get(scope, id);
        try {
            revisits.complete(scope, id, version);
            redirect.addFlashAttribute("message", "回访已完成，满意度测评链接已关闭");
            return "redirect:/supervision/revisits/" + id;
        } catch (UserInputException e) {
            return refused(scope, id, e, response, model);
        }
    }

    @GetMapping("/supervision/revisits/settings")
    @PreAuthorize(OFFICE)
    String settings(DataScope scope, Model model) {
        model.addAttribute("interval", revisits.interval(scope));
        return "supervision/revisit/settings";
    }

    @PostMapping("/supervision/revisits/settings")
    @PreAuthorize(OFFICE)
    String saveSettings(@RequestParam(required = false) String months,
                        @RequestParam(defaultValue = "-1") int version, DataScope scope,
                        HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Revisits.Interval interval = revisits.interval(scope);
        try {
            revisits.setInterval(scope, number(months), version);
            redirect.addFlashAttribute("message", "已保存回访间隔");
            return "redirect:/supervision/revisits/settings";
        } catch (UserInputException e) {
            response.setStatus(400);
            model.addAttribute("interval", interval);
            model.addAttribute("error", e.getMessage());
            return "supervision/revisit/settings";
        }
    }

    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new UserInputException("日期格式应为 年-月-日");
        }
    }

    static Integer number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException("请填写整数");
        }
    }

    static long itemId(String text) {
        try {
            return text == null ? -1 : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException("请选择整改事项");
        }
    }
}
