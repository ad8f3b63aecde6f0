package org.xuncha.supervision.reminder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xuncha.rectification.RectificationDueWork;

/**
 * Rectification's due work as to-dos: a report due within a week or overdue, to the TARGET of its organization; an
 * open item past its 完成时限, to the office of its body — each once per due date (a new
 * due date, a new to-do) (the item's own overdue warnings reach the TARGET through
 * rectification.warning). Ids and dates only.
 */
@Component
class RectificationReminders implements ReminderSource {

    private final RectificationDueWork work;

    RectificationReminders(RectificationDueWork work) {
        this.work = work;
    }

    @Override
    public List<Due> due(LocalDate today) {
        List<Due> due = new ArrayList<>();
        for (RectificationDueWork.ReportDue r : work.reportsDue(today)) {
            String what = r.leader() ? "主要负责人组织落实情况报告" : "整改情况报告";
            String when = r.dueOn().isBefore(today) ? "已于" + r.dueOn() + "到期" : "将于" + r.dueOn() + "到期";
            due.add(new Due(ReminderKind.REPORT_DUE, "report:" + r.reportId(), r.dueOn(), Audience.target(r.organization(),
                    r.body()), what + when + "，请及时报送", "/rectification/reports/" + r.reportId()));
        }
        for (RectificationDueWork.OverdueItem i : work.overdueItems(today)) {
            due.add(new Due(ReminderKind.ITEM_OVERDUE, "item:" + i.item().value(), i.dueOn(), Audience.office(i.body()),
                    "有整改事项超过完成时限（" + i.dueOn() + "）仍未销号，请督促", "/rectification/items/" + i.item().value()));
        }
        return due;
    }
}
