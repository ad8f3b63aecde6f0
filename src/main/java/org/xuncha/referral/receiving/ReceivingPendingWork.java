package org.xuncha.referral.receiving;

import java.util.List;

import org.springframework.stereotype.Component;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.platform.web.PendingWork;

/**
 * 待办 of the receivers: items transferred to the caller's body and kind (a COLLABORATOR: its department) that nobody
 * has signed for yet. Counted in SQL under ReferralScope.received; nothing for any other role, the TARGET above all.
 */
@Component
class ReceivingPendingWork implements PendingWork {

    private final Receiving receiving;

    ReceivingPendingWork(Receiving receiving) {
        this.receiving = receiving;
    }

    @Override
    public List<Item> pendingFor(DataScope scope) {
        if (scope.has(Role.TARGET) || !scope.hasAny(Role.DISCIPLINE, Role.ORG_DEPT, Role.COLLABORATOR)) {
            return List.of();
        }
        return List.of(new Item("待签收的移交件", receiving.countAwaiting(scope), 0,
                "/referrals/received?signing=AWAITING"));
    }
}
