package org.xuncha.rectification.redcard;

import java.util.List;

import org.springframework.stereotype.Component;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.platform.web.PendingWork;

/** 待办 of the red cards: for the office, the RAISED cards of its own (writable) body (待认定的红牌); nothing else. */
@Component
class RedCardPendingWork implements PendingWork {

    static final String TO_DECIDE = "待认定的红牌";

    private final RedCardRepository cards;

    RedCardPendingWork(RedCardRepository cards) {
        this.cards = cards;
    }

    @Override
    public List<Item> pendingFor(DataScope scope) {
        if (scope.has(Role.OFFICE) && !scope.has(Role.TARGET)) {
            return List.of(new Item(TO_DECIDE, cards.toDecide(scope), 0, "/rectification/red-cards?status=RAISED"));
        }
        return List.of();
    }
}
