package org.xuncha.supervision.disclosure;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public 整改公开 page, under the public side's prefix {@code /r/} (intake's 码上巡): no sign-in, no session, no
 * cookie, no script, only the platform's own stylesheet; intake's public filter marks it no-store and no-referrer,
 * and nothing about the request (address, device) is kept or logged. It shows the approved summary and the
 * non-exempt items with their outcome, nothing else of the case.
 */
@Controller
class PublicDisclosureController {

    private final Disclosures disclosures;

    PublicDisclosureController(Disclosures disclosures) {
        this.disclosures = disclosures;
    }

    @GetMapping("/r/disclosure/{code}")
    String page(@PathVariable String code, Model model) {
        model.addAttribute("p", disclosures.publicPage(code));
        return "supervision/public-disclosure";
    }
}
