package org.xuncha.staffing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.platform.web.PendingWork;

/**
 * 待办 for an office: its own body's inspections in preparation without a leader yet (待组建); overdue are those
 * whose round's planned station date has passed. Counted from staffing's own record of inspections
 * ({@link InspectionsInPreparation}, kept from inspection's events).
 */
@Component
class StaffingPendingWork implements PendingWork {

    private final InspectionsInPreparation inspections;
    private final Clock clock;

    StaffingPendingWork(InspectionsInPreparation inspections, Clock clock) {
        this.inspections = inspections;
        this.clock = clock;
    }

    @Override
    public List<Item> pendingFor(DataScope scope) {
        if (!scope.has(Role.OFFICE) || scope.body() == null || !scope.canWrite(scope.body())) {
            return List.of();
        }
        long[] counts = inspections.unstaffed(scope.body().value(), LocalDate.now(clock));
        if (counts[0] == 0) {
            return List.of();
        }
        return List.of(new Item("待组建巡察组的巡察", counts[0], counts[1], "/staffing/new"));
    }
}
