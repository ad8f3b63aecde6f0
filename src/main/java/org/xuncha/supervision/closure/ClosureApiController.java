package org.xuncha.supervision.closure;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;

/** 报结 as JSON beside the page: an inspection's unmet conditions and the office's settings, same role and rules. */
@RestController
class ClosureApiController {

    private final ClosureConditions closure;

    ClosureApiController(ClosureConditions closure) {
        this.closure = closure;
    }

    @GetMapping("/api/supervision/closure/{inspection}")
    @PreAuthorize(ClosureController.OFFICE)
    ClosureConditions.Standing standing(@PathVariable long inspection, DataScope scope) {
        return closure.standing(scope, InspectionId.of(inspection));
    }

    @GetMapping("/api/supervision/closure/settings")
    @PreAuthorize(ClosureController.OFFICE)
    ClosureConditions.Settings settings(DataScope scope) {
        return closure.settings(scope);
    }

    record SettingRequest(Integer version, Boolean ledger, Boolean reports, Boolean evaluation) {
    }

    @PostMapping("/api/supervision/closure/settings")
    @PreAuthorize(ClosureController.OFFICE)
    ClosureConditions.Settings change(@RequestBody(required = false) SettingRequest r, DataScope scope) {
        SettingRequest q = r == null ? new SettingRequest(null, null, null, null) : r;
        if (q.version() == null || q.ledger() == null || q.reports() == null || q.evaluation() == null) {
            throw new org.xuncha.platform.web.UserInputException("请提供 version、ledger、reports、evaluation");
        }
        return closure.change(scope, q.version(), q.ledger(), q.reports(), q.evaluation());
    }
}
