package org.xuncha.findings.lead;

import java.util.List;

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
import org.xuncha.common.InspectionId;
import org.xuncha.findings.PaperLookup;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;

/**
 * Pages of problem leads: an inspection's list (filters by status, violation, urgent), the leading group's
 * 紧急线索待阅, the form with repeatable person rows, and the lead with its persons (open only for the team and the
 * body's leading group), its reports and their acknowledgements, and the buttons of the caller.
 */
@Controller
class LeadController {

    static final String READERS = "hasAnyRole('OFFICE','LEADER','TEAM_LEADER','TEAM_MEMBER')";
    static final String TEAM = "hasAnyRole('TEAM_LEADER','TEAM_MEMBER')";
    static final String LEADER = "hasRole('LEADER')";

    private final Leads leads;
    private final PaperLookup papers;

    LeadController(Leads leads, PaperLookup papers) {
        this.leads = leads;
        this.papers = papers;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String raw, String what) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("未知的" + what);
        }
    }

    static Boolean yesNo(String raw) {
        return raw == null || raw.isBlank() ? null : Boolean.valueOf("true".equals(raw.strip()));
    }

    @GetMapping("/leads")
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) Long inspection, @RequestParam(required = false) String status,
                @RequestParam(required = false) String violation, @RequestParam(required = false) String urgent,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestHeader(value = "HX-Request", required = false) String htmx, DataScope scope, Model model) {
        List<LeadRepository.InspectionRef> readable = leads.readableInspections(scope);
        Long chosen = inspection != null ? inspection : readable.isEmpty() ? null : readable.get(0).id();
        LeadFilter filter = new LeadFilter(parse(LeadStatus.class, status, "状态"),
                parse(SuspectedViolation.class, violation, "涉嫌违反的纪律"), yesNo(urgent));
        model.addAttribute("inspections", readable);
        model.addAttribute("inspection", chosen);
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", LeadStatus.values());
        model.addAttribute("violations", SuspectedViolation.values());
        model.addAttribute("result", chosen == null ? new ResultPage<LeadSummary>(List.of(), 0, 50, 0)
                : leads.list(scope, chosen, filter, ResultPage.clampPage(page), ResultPage.clampSize(size)));
        model.addAttribute("counts", chosen == null ? null : leads.countsOf(scope, InspectionId.of(chosen)));
        model.addAttribute("canWrite", chosen != null && Leads.onTeam(scope, chosen));
        return htmx != null ? "findings/lead-list :: results" : "findings/lead-list";
    }

    @GetMapping("/leads/awaiting")
    @PreAuthorize(LEADER)
    String awaiting(DataScope scope, Model model) {
        model.addAttribute("items", leads.awaiting(scope));
        return "findings/lead-awaiting";
    }

    @GetMapping("/leads/new")
    @PreAuthorize(TEAM)
    String newForm(@RequestParam(required = false) Long inspection, DataScope scope, Model model) {
        return form(inspection, null, LeadForm.blank(), null, scope, model);
    }

    private String form(Long inspection, LeadView lead, LeadForm form, String error, DataScope scope, Model model) {
        List<LeadRepository.InspectionRef> mine = leads.readableInspections(scope).stream()
                .filter(i -> Leads.onTeam(scope, i.id())).toList();
        Long chosen = lead != null ? Long.valueOf(lead.inspectionId())
                : inspection != null ? inspection : mine.isEmpty() ? null : mine.get(0).id();
        model.addAttribute("inspections", mine);
        model.addAttribute("inspection", chosen);
        model.addAttribute("lead", lead);
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("papers", chosen == null ? List.of() : papers.approved(scope, InspectionId.of(chosen)));
        model.addAttribute("sources", LeadSource.values());
        model.addAttribute("violations", SuspectedViolation.values());
        model.addAttribute("ranks", PersonRank.values());
        return "findings/lead-form";
    }

    @PostMapping("/leads")
    @PreAuthorize(TEAM)
    String create(@RequestParam(required = false) Long inspection, @RequestParam(required = false) String more,
                  LeadForm form, DataScope scope, Model model) {
        if (more != null) {
            return form(inspection, null, form.withRow(), null, scope, model);
        }
        try {
            if (inspection == null) {
                throw new UserInputException("请选择巡察");
            }
            return "redirect:/leads/" + leads.create(scope, inspection, form.draft());
        } catch (UserInputException e) {
            return form(inspection, null, form, e.getMessage(), scope, model);
        }
    }

    @GetMapping("/leads/{id}/edit")
    @PreAuthorize(TEAM)
    String editForm(@PathVariable long id, DataScope scope, Model model) {
        LeadView l = leads.get(scope, id);
        return form(null, l, LeadForm.of(l), null, scope, model);
    }

    @PostMapping("/leads/{id}")
    @PreAuthorize(TEAM)
    String edit(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                @RequestParam(required = false) String more, LeadForm form, DataScope scope, Model model,
                RedirectAttributes redirect) {
        LeadView l = leads.get(scope, id);
        if (more != null) {
            return form(null, l, form.withRow(), null, scope, model);
        }
        try {
            leads.edit(scope, id, version, form.draft());
            redirect.addFlashAttribute("message", "已保存");
            return "redirect:/leads/" + id;
        } catch (UserInputException e) {
            return form(null, l, form, e.getMessage(), scope, model);
        }
    }

    @GetMapping("/leads/{id}")
    @PreAuthorize(READERS)
    String detail(@PathVariable long id, DataScope scope, Model model) {
        return render(id, null, scope, model);
    }

    private String render(long id, String error, DataScope scope, Model model) {
        LeadView l = leads.get(scope, id);
        model.addAttribute("l", l);
        model.addAttribute("can", leads.actions(scope, l));
        model.addAttribute("error", error);
        return "findings/lead-detail";
    }

    private String step(long id, Runnable change, String done, DataScope scope, Model model,
                        RedirectAttributes redirect) {
        try {
            change.run();
            redirect.addFlashAttribute("message", done);
            return "redirect:/leads/" + id;
        } catch (UserInputException e) {
            return render(id, e.getMessage(), scope, model);
        }
    }

    @PostMapping("/leads/{id}/report")
    @PreAuthorize(TEAM)
    String report(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, DataScope scope,
                  Model model, RedirectAttributes redirect) {
        return step(id, () -> leads.report(scope, id, version), "已报告领导小组", scope, model, redirect);
    }

    @PostMapping("/leads/{id}/withdraw")
    @PreAuthorize(TEAM)
    String withdraw(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                    @RequestParam(required = false) String reason, DataScope scope, Model model,
                    RedirectAttributes redirect) {
        return step(id, () -> leads.withdraw(scope, id, version, reason), "已撤回", scope, model, redirect);
    }

    @PostMapping("/leads/{id}/acknowledge")
    @PreAuthorize(LEADER)
    String acknowledge(@PathVariable long id, DataScope scope, Model model, RedirectAttributes redirect) {
        return step(id, () -> leads.acknowledge(scope, id), "已签阅", scope, model, redirect);
    }
}
