package org.xuncha.rectification.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.platform.web.PendingWork;

/**
 * 待办 of the two reports, counted in SQL within the caller's scope: for the TARGET the reports it still owes (not
 * opened, drafting or returned) that are due within {@link #DUE_WITHIN_DAYS} days or overdue (overdue counted apart),
 * and those the office returned; for the office of the body the submitted reports awaiting its receipt.
 */
@Component
class ReportPendingWork implements PendingWork {

    static final int DUE_WITHIN_DAYS = 10;

    private final RectificationReportRepository reports;
    private final Clock clock;

    ReportPendingWork(RectificationReportRepository reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public List<Item> pendingFor(DataScope scope) {
        List<Item> items = new ArrayList<>();
        if (scope.has(Role.TARGET)) {
            LocalDate today = LocalDate.now(clock);
            long[] owed = reports.countOwed(scope, today, today.plusDays(DUE_WITHIN_DAYS));
            items.add(new Item("即将到期或逾期的整改情况报告", owed[0], owed[1], "/rectification/reports"));
            items.add(new Item("被退回的整改情况报告", reports.countReturned(scope), 0, "/rectification/reports"));
            return items;
        }
        if (scope.has(Role.OFFICE)) {
            items.add(new Item("待接收的整改情况报告", reports.countAwaitingReceipt(scope), 0, "/rectification/reports"));
        }
        return items;
    }
}
