package org.xuncha.referral.figures;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.UserInputException;

/** 移交统计: the filter (body and the bodies below, round, inspection, period) and the table of figures. */
@Controller
class FiguresController {

    static final String READERS = "hasAnyRole('OFFICE','LEADER','DISCIPLINE','ORG_DEPT')";

    private final FigureTable table;

    FiguresController(FigureTable table) {
        this.table = table;
    }

    @GetMapping("/referrals/figures")
    @PreAuthorize(READERS)
    String figures(@RequestParam(required = false) Long body, @RequestParam(defaultValue = "false") boolean below,
                   @RequestParam(required = false) Long round, @RequestParam(required = false) Long inspection,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   DataScope scope, Model model) {
        model.addAttribute("body", body);
        model.addAttribute("below", below);
        model.addAttribute("round", round);
        model.addAttribute("inspection", inspection);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        try {
            model.addAttribute("t", table.of(scope, body, below, round, inspection, from, to));
        } catch (UserInputException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "referral/figures";
    }
}
