package org.xuncha.rectification.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.platform.web.PendingWork;

/**
 * 待办 of 整改方案, counted in SQL within the caller's scope: for the TARGET its plans still to submit (feedback
 * delivered and no plan yet, or a plan being drafted; overdue past plan_due_on) and its returned plans; for the
 * office of the body the submitted plans awaiting its decision; for the body's 纪委监委 and 组织部 and the team's leader
 * the submitted plans they have not yet given an opinion on in this round. Nothing for anybody else.
 */
@Component
class PlanPendingWork implements PendingWork {

    private final PlanRepository plans;
    private final Clock clock;

    PlanPendingWork(PlanRepository plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    @Override
    public List<Item> pendingFor(DataScope scope) {
        List<Item> items = new ArrayList<>();
        if (scope.has(Role.TARGET)) {
            long[] due = plans.countDue(scope, LocalDate.now(clock));
            items.add(new Item("待报送的整改方案", due[0], due[1], "/rectification/plans"));
            items.add(new Item("被退回的整改方案", plans.countReturned(scope), 0, "/rectification/plans?status=RETURNED"));
            return items;
        }
        if (scope.has(Role.OFFICE)) {
            items.add(new Item("待审核的整改方案", plans.countAwaitingDecision(scope), 0,
                    "/rectification/plans?status=SUBMITTED"));
        }
        for (Role role : List.of(Role.DISCIPLINE, Role.ORG_DEPT)) {
            if (scope.has(role)) {
                items.add(new Item("待提出审核意见的整改方案", plans.countAwaitingOpinion(scope,
                        ReviewParticipant.valueOf(role.name())), 0, "/rectification/plans?status=SUBMITTED"));
            }
        }
        if (scope.has(Role.TEAM_LEADER)) {
            items.add(new Item("待提出审核意见的整改方案", plans.countTeamAwaitingOpinion(scope), 0,
                    "/rectification/plans?status=SUBMITTED"));
        }
        return items;
    }
}
