package org.xuncha.findings.lead;

import java.util.List;

import org.springframework.stereotype.Component;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.platform.web.PendingWork;

/**
 * 待办 of the leading group (适时报告): urgent leads reported to the caller's body (the inspection's own, or the
 * inspected county's for a CROSS inspection) that its leading group has not yet acknowledged. Counted in SQL.
 */
@Component
class LeadPendingWork implements PendingWork {

    private final LeadRepository leads;

    LeadPendingWork(LeadRepository leads) {
        this.leads = leads;
    }

    @Override
    public List<Item> pendingFor(DataScope scope) {
        if (!scope.has(Role.LEADER) || scope.hasAny(Role.TARGET, Role.COLLABORATOR)) {
            return List.of();
        }
        return List.of(new Item("紧急线索待阅", leads.countAwaiting(scope), 0, "/leads/awaiting"));
    }
}
