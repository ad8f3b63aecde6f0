package org.xuncha.supervision.lookback;

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
 * The 回头看 pages (issue 15 §3): the coverage per body with its definition and the LOOK_BACK inspections
 * ({@code /supervision/look-back}); one 回头看 with the original inspection's ledger and the link of a finding to an
 * original item ({@code /supervision/look-back/{inspection}}); the coverage as JSON.
 */
@Controller
class LookBackController {

    static final String READERS = "hasAnyRole('OFFICE','LEADER','DISCIPLINE','ORG_DEPT','TEAM_LEADER','TEAM_MEMBER')";
    static final String LINKERS = "hasAnyRole('OFFICE','TEAM_LEADER','TEAM_MEMBER')";

    private final LookBacks lookBacks;

    LookBackController(LookBacks lookBacks) {
        this.lookBacks = lookBacks;
    }

    @GetMapping("/supervision/look-back")
    @PreAuthorize(READERS)
    String list(DataScope scope, Model model) {
        model.addAttribute("coverage", lookBacks.coverage(scope));
        model.addAttribute("definition", LookBacks.DEFINITION);
        model.addAttribute("inspections", lookBacks.lookBacks(scope));
        return "supervision/lookback/list";
    }

    @GetMapping("/supervision/look-back/{inspection}")
    @PreAuthorize(READERS)
    String page(@PathVariable long inspection, DataScope scope, Model model) {
        return render(scope, inspection, null, model);
    }

    private String render(DataScope scope, long inspection, String error, Model model) {
        model.addAttribute("p", lookBacks.page(scope, inspection));
        model.addAttribute("error", error);
        return "supervision/lookback/look-back";
    }

    @PostMapping("/supervision/look-back/{inspection}/relapses")
    @PreAuthorize(LINKERS)
    String link(@PathVariable long inspection, @RequestParam(required = false) String finding,
                @RequestParam(required = false) String item, DataScope scope, HttpServletResponse response,
                Model model, RedirectAttributes redirect) {
        lookBacks.page(scope, inspection);
        try {
            long card = lookBacks.link(scope, inspection, id(finding, "请选择“回头看”发现的问题"),
                    id(item, "请选择原巡察的整改事项"));
            redirect.addFlashAttribute("message", "已认定问题反弹，红牌（待认定）编号 " + card);
            return "redirect:/supervision/look-back/" + inspection;
        } catch (UserInputException e) {
            response.setStatus(400);
            return render(scope, inspection, e.getMessage(), model);
        }
    }

    record CoverageJson(List<LookBacks.Coverage> bodies, String definition) {
    }

    @GetMapping("/api/supervision/look-back/coverage")
    @PreAuthorize(READERS)
    @ResponseBody
    CoverageJson coverage(DataScope scope) {
        return new CoverageJson(lookBacks.coverage(scope), LookBacks.DEFINITION);
    }

    static long id(String text, String message) {
        try {
            if (text == null || text.isBlank()) {
                throw new UserInputException(message);
            }
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException(message);
        }
    }
}
