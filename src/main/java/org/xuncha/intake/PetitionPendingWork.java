package org.xuncha.intake;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.platform.web.PendingWork;

/**
 * 待办 on the home page: for a team, its petitions not yet closed (and how many are past their deadline). Counted in
 * SQL under the scope. The 纪委's transferred petitions are referral's 待办 (待签收的移交件), one worklist for all.
 */
@Component
class PetitionPendingWork implements PendingWork {

    private final PetitionRepository petitions;
    private final Petitions desk;

    PetitionPendingWork(PetitionRepository petitions, Petitions desk) {
        this.petitions = petitions;
        this.desk = desk;
    }

    @Override
    public List<Item> pendingFor(DataScope scope) {
        List<Item> items = new ArrayList<>();
        if (scope.has(Role.TARGET)) {
            return items;
        }
        if (scope.hasAny(Role.TEAM_LEADER, Role.TEAM_MEMBER)) {
            DataScope team = new DataScope(scope.user(), java.util.Set.of(Role.TEAM_MEMBER), scope.body(),
                    scope.readableBodies(), java.util.Set.of(), null, scope.inspections(), null);
            long open = petitions.countFor(team, " AND p.status <> 'CLOSED'", desk.today());
            long overdue = petitions.countFor(team, " AND p.status <> 'CLOSED' AND p.due_on < :today", desk.today());
            items.add(new Item("未办结的信访件", open, overdue, "/petitions"));
        }
        return items;
    }
}
