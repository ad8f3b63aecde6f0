package org.xuncha.rectification.redcard;

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
import org.xuncha.findings.FindingId;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.RectificationItemId;
import org.xuncha.rectification.RedCardKind;
import org.xuncha.rectification.RedCardStatus;
import org.xuncha.rectification.RelapseReports;

/**
 * The red-card pages (issue 14 §6): the list ({@code /rectification/red-cards}, filters kind, status, organization,
 * paged, with {@code HX-Request} the results alone), a card with both sides and the office's 认定 / 撤销 form, and the
 * 问题反弹 link from a 回头看 finding ({@code /rectification/relapses?finding=}: the earlier inspection's signed-off
 * items of that organization). Post/redirect/get; a refusal re-renders the page with its message.
 */
@Controller
class RedCardController {

    static final String READERS = "hasAnyRole('OFFICE','LEADER','TARGET','DISCIPLINE','ORG_DEPT','TEAM_LEADER','TEAM_MEMBER')";
    static final String OFFICE = "hasRole('OFFICE')";
    static final String LINKERS = "hasAnyRole('OFFICE','TEAM_LEADER','TEAM_MEMBER')";

    private final RedCards cards;
    private final RelapseReports relapses;

    RedCardController(RedCards cards, RelapseReports relapses) {
        this.cards = cards;
        this.relapses = relapses;
    }

    @GetMapping("/rectification/red-cards")
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                @RequestParam(required = false) String organization, @RequestParam(required = false) Integer page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, DataScope scope, Model model) {
        RedCardFilter filter = RedCardFilter.of(kind, status, id(organization));
        model.addAttribute("result", cards.list(scope, filter, ResultPage.clampPage(page), ResultPage.DEFAULT_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("query", filter.query());
        model.addAttribute("kinds", RedCardKind.values());
        model.addAttribute("statuses", RedCardStatus.values());
        model.addAttribute("organizations", cards.organizations(scope));
        return htmx != null ? "rectification/redcard/list :: results" : "rectification/redcard/list";
    }

    @GetMapping("/rectification/red-cards/{id}")
    @PreAuthorize(READERS)
    String card(@PathVariable long id, DataScope scope, Model model) {
        return render(scope, id, null, model);
    }

    private String render(DataScope scope, long id, String error, Model model) {
        model.addAttribute("p", cards.page(scope, id));
        model.addAttribute("decisions", RedCardStatus.Decision.values());
        model.addAttribute("error", error);
        return "rectification/redcard/card";
    }

    @PostMapping("/rectification/red-cards/{id}/decision")
    @PreAuthorize(OFFICE)
    String decide(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                  @RequestParam(required = false) String decision, @RequestParam(required = false) String reason,
                  DataScope scope, Model model, RedirectAttributes redirect) {
        cards.card(scope, id);
        try {
            cards.decide(scope, id, version, decision, reason);
            redirect.addFlashAttribute("message", "已" + RedCardStatus.Decision.parse(decision)
                    .map(RedCardStatus.Decision::label).orElse("处理") + "该红牌");
            return "redirect:/rectification/red-cards/" + id;
        } catch (UserInputException e) {
            return render(scope, id, e.getMessage(), model);
        }
    }

    @GetMapping("/rectification/relapses")
    @PreAuthorize(LINKERS)
    String relapse(@RequestParam(required = false) String finding, DataScope scope, Model model) {
        return renderRelapse(scope, findingId(finding), null, model);
    }

    private String renderRelapse(DataScope scope, FindingId finding, String error, Model model) {
        model.addAttribute("finding", finding);
        model.addAttribute("candidates", relapses.candidates(scope, finding));
        model.addAttribute("error", error);
        return "rectification/redcard/relapse";
    }

    @PostMapping("/rectification/relapses")
    @PreAuthorize(LINKERS)
    String link(@RequestParam(required = false) String finding, @RequestParam(required = false) String item,
                DataScope scope, Model model, RedirectAttributes redirect) {
        FindingId f = findingId(finding);
        Long i = id(item);
        try {
            if (i == null || i <= 0) {
                throw new UserInputException("请选择已销号的整改事项");
            }
            long card = relapses.reportRelapse(scope, RectificationItemId.of(i), f);
            redirect.addFlashAttribute("message", "已认定问题反弹并生成红牌（待认定）");
            redirect.addFlashAttribute("card", card);
            return "redirect:/rectification/relapses?finding=" + f.value();
        } catch (UserInputException e) {
            return renderRelapse(scope, f, e.getMessage(), model);
        }
    }

    static FindingId findingId(String text) {
        Long id = id(text);
        if (id == null || id <= 0) {
            throw new NotFoundInScope("finding " + text);
        }
        return FindingId.of(id);
    }

    static Long id(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
