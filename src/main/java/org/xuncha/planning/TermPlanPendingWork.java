package org.xuncha.planning;

import java.util.List;

import org.springframework.stereotype.Component;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.PendingWork;

/** 待办 for the leading group: its own body's term plans the office submitted and nobody decided on yet. */
@Component
class TermPlanPendingWork implements PendingWork {

    private final TermPlans plans;

    TermPlanPendingWork(TermPlans plans) {
        this.plans = plans;
    }

    @Override
    public List<Item> pendingFor(DataScope scope) {
        int waiting = plans.awaitingDecision(scope).size();
        return waiting == 0 ? List.of() : List.of(new Item("待审批的巡察规划", waiting, 0, "/terms/pending"));
    }
}
