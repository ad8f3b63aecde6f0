package org.xuncha.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.organization.InspectionBodies;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;

/**
 * Round pages: the list (filter by term and body), the detail with its inspections, create and edit
 * (post/redirect/get), and the timeline across rounds and bodies with its JSON data for the chart.
 */
@Controller
class RoundController {

    static final String READERS = "hasAnyRole('OFFICE','LEADER')";

    private final Rounds rounds;
    private final Inspections inspections;
    private final InspectionBodies bodies;

    RoundController(Rounds rounds, Inspections inspections, InspectionBodies bodies) {
        this.rounds = rounds;
        this.inspections = inspections;
        this.bodies = bodies;
    }

    @GetMapping("/rounds")
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) Long term, @RequestParam(required = false) Long body,
                @RequestParam(required = false) Integer page, DataScope scope, Model model) {
        model.addAttribute("results", rounds.list(scope, term, body, ResultPage.clampPage(page),
                ResultPage.DEFAULT_SIZE));
        model.addAttribute("terms", rounds.terms(scope));
        model.addAttribute("bodies", readableBodies(scope));
        model.addAttribute("term", term);
        model.addAttribute("body", body);
        model.addAttribute("canCreate", rounds.terms(scope).stream().anyMatch(Rounds.TermChoice::own));
        return "inspection/round-list";
    }

    @GetMapping("/rounds/{id}")
    @PreAuthorize(READERS)
    String detail(@PathVariable long id, @RequestParam(required = false) Integer page, DataScope scope, Model model) {
        RoundView round = rounds.get(scope, id);
        model.addAttribute("round", round);
        model.addAttribute("inspections", inspections.list(scope,
                new InspectionFilter(id, null, null, null, null), ResultPage.clampPage(page),
                ResultPage.DEFAULT_SIZE));
        return "inspection/round-detail";
    }

    @GetMapping("/rounds/new")
    @PreAuthorize("hasRole('OFFICE')")
    String createForm(@RequestParam(required = false) Long term, DataScope scope, Model model) {
        model.addAttribute("form", new RoundDraft(term, null, null, null, null, null, null, null, null, null));
        return form(scope, model, null);
    }

    @PostMapping("/rounds")
    @PreAuthorize("hasRole('OFFICE')")
    String create(@ModelAttribute("form") RoundDraft form, DataScope scope, Model model, RedirectAttributes redirect) {
        try {
            long id = rounds.create(scope, form);
            redirect.addFlashAttribute("message", "已创建轮次");
            return "redirect:/rounds/" + id;
        } catch (UserInputException e) {
            model.addAttribute("error", e.getMessage());
            return form(scope, model, null);
        }
    }

    @GetMapping("/rounds/{id}/edit")
    @PreAuthorize("hasRole('OFFICE')")
    String editForm(@PathVariable long id, DataScope scope, Model model) {
        RoundView round = writable(scope, id);
        model.addAttribute("form", RoundDraft.of(round));
        return form(scope, model, round);
    }

    @PostMapping("/rounds/{id}")
    @PreAuthorize("hasRole('OFFICE')")
    String edit(@PathVariable long id, @ModelAttribute("form") RoundDraft form, DataScope scope, Model model,
                RedirectAttributes redirect) {
        RoundView round = writable(scope, id);
        try {
            rounds.edit(scope, id, form);
            redirect.addFlashAttribute("message", "已保存轮次");
            return "redirect:/rounds/" + id;
        } catch (UserInputException e) {
            model.addAttribute("error", e.getMessage());
            return form(scope, model, round);
        }
    }

    @GetMapping("/rounds/timeline")
    @PreAuthorize(READERS)
    String timeline(@RequestParam(required = false) Long body,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    DataScope scope, Model model) {
        List<RoundTimelineRow> rows = rounds.timeline(scope, body, from, to);
        model.addAttribute("rows", rows);
        model.addAttribute("bodies", readableBodies(scope));
        model.addAttribute("body", body);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "inspection/round-timeline";
    }

    /** The timeline's data for the chart (static/js/inspection.js); same scope as the page. */
    @GetMapping("/rounds/timeline.json")
    @PreAuthorize(READERS)
    @ResponseBody
    Map<String, Object> timelineData(@RequestParam(required = false) Long body,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                     DataScope scope) {
        return Map.of("rows", rounds.timeline(scope, body, from, to).stream().map(r -> Map.of(
                "id", r.roundId(), "label", r.label(), "from", r.from().toString(), "to", r.to().toString(),
                "withdraw", r.withdrawOn().toString(), "actual", r.actual(), "inspections", r.inspectionCount())).toList());
    }

    private RoundView writable(DataScope scope, long id) {
        RoundView round = rounds.get(scope, id);
        if (!round.writable()) {
            throw new org.springframework.security.access.AccessDeniedException("read-only round");
        }
        return round;
    }

    private String form(DataScope scope, Model model, RoundView round) {
        model.addAttribute("round", round);
        model.addAttribute("terms", rounds.terms(scope).stream().filter(Rounds.TermChoice::own).toList());
        return "inspection/round-form";
    }

    private List<InspectionBodies.BodySummary> readableBodies(DataScope scope) {
        return Rounds.readable(scope).stream().filter(id -> id > 0)
                .map(id -> bodies.find(org.xuncha.common.BodyId.of(id))).flatMap(java.util.Optional::stream)
                .sorted(java.util.Comparator.comparing(InspectionBodies.BodySummary::regionCode)).toList();
    }
}
