package org.xuncha.supervision.closure;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xuncha.common.BodyId;
import org.xuncha.common.InspectionId;
import org.xuncha.rectification.ClosureReadiness;
import org.xuncha.supervision.reminder.ReminderKind;
import org.xuncha.supervision.reminder.ReminderSource;

/**
 * A to-do for the office of each inspection in 整改 with delivered feedback that now meets all its closure conditions, once a week (the day
 * is the week's Monday) until it is closed: 报结 is the office's decision, the platform only says it may be taken.
 */
@Component
class ClosureReminders implements ReminderSource {

    private final ClosureConditions closure;
    private final ClosureReadiness readiness;

    ClosureReminders(ClosureConditions closure, ClosureReadiness readiness) {
        this.closure = closure;
        this.readiness = readiness;
    }

    @Override
    public List<Due> due(LocalDate today) {
        LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return closure.closable().stream()
                .filter(i -> readiness.fedBack(InspectionId.of(i.id()))).map(i -> new Due(ReminderKind.CLOSURE_READY, "inspection:" + i.id(), week,
                Audience.office(BodyId.of(i.bodyId())), "有巡察已具备报结条件，请研究办理报结",
                "/inspections/" + i.id())).toList();
    }
}
