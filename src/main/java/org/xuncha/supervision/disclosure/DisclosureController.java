package org.xuncha.supervision.disclosure;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.UserInputException;

/** The office's 整改公开 pages: the list with the drafts it may open, one disclosure's page; post/redirect/get. */
@Controller
class DisclosureController {

    static final String READERS = "hasAnyRole('OFFICE','LEADER')";
    static final String OFFICE = "hasRole('OFFICE')";

    private final Disclosures disclosures;

    DisclosureController(Disclosures disclosures) {
        this.disclosures = disclosures;
    }

    @GetMapping("/supervision/disclosures")
    @PreAuthorize(READERS)
    String list(DataScope scope, Model model) {
        model.addAttribute("disclosures", disclosures.list(scope));
        model.addAttribute("subjects", disclosures.subjects(scope));
        model.addAttribute("canOpen", scope.has(org.xuncha.common.Role.OFFICE));
        return "supervision/disclosures";
    }

    @PostMapping("/supervision/disclosures")
    @PreAuthorize(OFFICE)
    String open(@RequestParam(required = false) String subject, DataScope scope, RedirectAttributes redirect) {
        try {
            Long inspection = null;
            Long organization = null;
            if (subject != null && subject.matches("\\d{1,18}-\\d{1,18}")) {
                String[] p = subject.split("-");
                inspection = Long.valueOf(p[0]);
                organization = Long.valueOf(p[1]);
            }
            long id = disclosures.open(scope, inspection, organization);
            return "redirect:/supervision/disclosures/" + id;
        } catch (UserInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/supervision/disclosures";
        }
    }

    @GetMapping("/supervision/disclosures/{id}")
    @PreAuthorize(READERS)
    String page(@PathVariable long id, DataScope scope, Model model) {
        model.addAttribute("v", disclosures.view(scope, id));
        model.addAttribute("exemptions", Exemption.values());
        return "supervision/disclosure";
    }

    @PostMapping("/supervision/disclosures/{id}/edit")
    @PreAuthorize(OFFICE)
    String edit(@PathVariable long id, @RequestParam(required = false) String version,
                @RequestParam(required = false) String title, @RequestParam(required = false) String summary,
                DataScope scope, RedirectAttributes redirect) {
        return act(id, redirect, "已保存", () -> disclosures.edit(scope, id, version(version), title, summary));
    }

    @PostMapping("/supervision/disclosures/{id}/items/{row}")
    @PreAuthorize(OFFICE)
    String item(@PathVariable long id, @PathVariable long row, @RequestParam(required = false) String version,
                @RequestParam(required = false) String text, @RequestParam(required = false) String outcome,
                @RequestParam(required = false) String exemption, @RequestParam(required = false) String reason,
                DataScope scope, RedirectAttributes redirect) {
        return act(id, redirect, "已保存", () -> disclosures.editItem(scope, id, version(version), row, text, outcome,
                exemption, reason));
    }

    @PostMapping("/supervision/disclosures/{id}/approve")
    @PreAuthorize(OFFICE)
    String approve(@PathVariable long id, @RequestParam(required = false) String version, DataScope scope,
                   RedirectAttributes redirect) {
        return act(id, redirect, "已审定", () -> disclosures.approve(scope, id, version(version)));
    }

    @PostMapping("/supervision/disclosures/{id}/publish")
    @PreAuthorize(OFFICE)
    String publish(@PathVariable long id, @RequestParam(required = false) String version, DataScope scope,
                   RedirectAttributes redirect) {
        return act(id, redirect, "已公开", () -> disclosures.publish(scope, id, version(version)));
    }

    @PostMapping("/supervision/disclosures/{id}/reopen")
    @PreAuthorize(OFFICE)
    String reopen(@PathVariable long id, @RequestParam(required = false) String version, DataScope scope,
                  RedirectAttributes redirect) {
        return act(id, redirect, "已退回修改", () -> disclosures.reopen(scope, id, version(version)));
    }

    private static String act(long id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (UserInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/supervision/disclosures/" + id;
    }

    static int version(String raw) {
        try {
            return raw == null ? -1 : Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException("版本应为整数");
        }
    }
}
