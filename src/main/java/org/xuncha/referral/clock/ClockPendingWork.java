package org.xuncha.referral.clock;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.platform.web.PendingWork;
import org.xuncha.referral.internal.ReferralScope;

/**
 * 待办 of the reply clocks, counted in SQL as of today's business date: for a receiver (ReferralScope.received) the
 * open items transferred to it that are in their reminder days (即将到期: reminder day reached, due date not passed),
 * overdue (due before today), and 挂牌督办 without this cycle's progress report; for the office of the transferring
 * body the same three counts of its own body's items, so it can chase them. Nothing for any other role — the TARGET
 * gets no line at all, not even a zero.
 */
@Component
class ClockPendingWork implements PendingWork {

    static final String DUE_SOON = "即将到期的移交件";
    static final String OVERDUE = "已逾期的移交件";
    static final String PROGRESS = "挂牌督办待报进展";

    private final ClockRepository repository;
    private final Clock clock;

    ClockPendingWork(ClockRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public List<Item> pendingFor(DataScope scope) {
        if (scope.has(Role.TARGET)) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        List<Item> items = new ArrayList<>();
        String received = ReferralScope.received(scope, "t");
        if (!received.equals(" (1 = 0)")) {
            add(items, repository.counts(received, scope, today), "/referrals/received");
        }
        if (scope.has(Role.OFFICE)) {
            add(items, repository.counts(ReferralScope.officeWritable(scope, "t"), scope, today), "/referrals");
        }
        return items;
    }

    private static void add(List<Item> items, ClockRepository.Counts c, String list) {
        items.add(new Item(DUE_SOON, c.dueSoon(), 0, list));
        items.add(new Item(OVERDUE, c.overdue(), c.overdue(), list));
        items.add(new Item(PROGRESS, c.progressMissing(), 0, "/referrals/supervised"));
    }
}
