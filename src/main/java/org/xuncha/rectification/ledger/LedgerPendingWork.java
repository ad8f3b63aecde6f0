package org.xuncha.rectification.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.platform.web.PendingWork;
import org.xuncha.rectification.ItemStatus;

/**
 * 待办 of the ledger, counted in SQL in the caller's scope as of today's business date: for the office of the body
 * the items asking for 销号 and the 不能整改 requests of its own (writable) body; for the TARGET its items in work
 * (未开始, 整改中, 持续整改, 二次整改) due within 10 days — the overdue ones counted as such — and those sent back to it
 * (退回, 不同意不能整改, 二次整改), and its open items per warning level (绿 / 黄 / 红, {@link WarningLevel}), each linking
 * to the ledger filtered by that level; the office also sees the red warnings of its own body. Nothing for other roles.
 */
@Component
class LedgerPendingWork implements PendingWork {

    static final String SIGN_OFF = "待对账销号的整改事项";
    static final String CANNOT = "待审批的不能整改申请";
    static final String DUE = "10天内到期的整改事项";
    static final String RETURNED = "被退回的整改事项";
    static final String GREEN = "绿色预警的整改事项（发具体经办人）";
    static final String YELLOW = "黄色预警的整改事项（发经办人、分管领导）";
    static final String RED = "红色预警的整改事项（发责任单位、主要负责人）";
    static final String OFFICE_RED = "红色预警（超期未销号）的整改事项";

    private final LedgerRepository ledger;
    private final Clock clock;

    LedgerPendingWork(LedgerRepository ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public List<Item> pendingFor(DataScope scope) {
        if (scope.has(Role.TARGET)) {
            LocalDate today = LocalDate.now(clock);
            LedgerRepository.DueCounts c = ledger.targetCounts(scope, today);
            LedgerRepository.WarningCounts w = ledger.targetWarnings(scope, today);
            return List.of(new Item(DUE, c.dueSoon(), c.overdue(), "/rectification/ledger?band=WITHIN_10"),
                    new Item(RETURNED, c.returned(), 0, "/rectification/ledger?status=IN_PROGRESS"),
                    new Item(GREEN, w.green(), 0, "/rectification/ledger?warning=GREEN"),
                    new Item(YELLOW, w.yellow(), 0, "/rectification/ledger?warning=YELLOW"),
                    new Item(RED, w.red(), w.red(), "/rectification/ledger?warning=RED"));
        }
        if (scope.has(Role.OFFICE)) {
            long red = ledger.officeRed(scope, LocalDate.now(clock));
            return List.of(
                    new Item(SIGN_OFF, ledger.officeCount(scope, ItemStatus.SIGN_OFF_REQUESTED), 0,
                            "/rectification/ledger?status=SIGN_OFF_REQUESTED"),
                    new Item(CANNOT, ledger.officeCount(scope, ItemStatus.CANNOT_RECTIFY_REQUESTED), 0,
                            "/rectification/ledger?status=CANNOT_RECTIFY_REQUESTED"),
                    new Item(OFFICE_RED, red, red, "/rectification/ledger?warning=RED"
                            + (scope.body() == null ? "" : "&body=" + scope.body().value())));
        }
        return List.of();
    }
}
