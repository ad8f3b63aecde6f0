package org.xuncha.rectification.warning;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.common.DataScope;

/** The warning thresholds as JSON beside the page, same role and rules. */
@RestController
class WarningSettingsApiController {

    private final WarningTerms terms;

    WarningSettingsApiController(WarningTerms terms) {
        this.terms = terms;
    }

    @GetMapping("/api/rectification/warnings/settings")
    @PreAuthorize(WarningSettingsController.OFFICE)
    WarningTerms.Settings settings(DataScope scope) {
        return terms.settings(scope);
    }

    record TermRequest(Integer version, Integer greenWorkingDays, Integer yellowWorkingDays) {
    }

    @PostMapping("/api/rectification/warnings/settings")
    @PreAuthorize(WarningSettingsController.OFFICE)
    WarningTerms.Settings change(@RequestBody(required = false) TermRequest r, DataScope scope) {
        TermRequest q = r == null ? new TermRequest(null, null, null) : r;
        terms.change(scope, q.version() == null ? -1 : q.version(), q.greenWorkingDays(), q.yellowWorkingDays());
        return terms.settings(scope);
    }
}
