package org.xuncha.referral.figures;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.common.DataScope;

/** The figures page as JSON: the counts and the rows with their definitions, same roles and scope. */
@RestController
class FiguresApiController {

    private final FigureTable table;

    FiguresApiController(FigureTable table) {
        this.table = table;
    }

    @GetMapping("/api/referrals/figures")
    @PreAuthorize(FiguresController.READERS)
    FigureTable.Table figures(@RequestParam(required = false) Long body,
                              @RequestParam(defaultValue = "false") boolean below,
                              @RequestParam(required = false) Long round,
                              @RequestParam(required = false) Long inspection,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              LocalDate to, DataScope scope) {
        return table.of(scope, body, below, round, inspection, from, to);
    }
}
