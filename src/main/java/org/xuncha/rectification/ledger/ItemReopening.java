package org.xuncha.rectification.ledger;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.DataScope;

/**
 * 二次整改 asked by another capability of the platform (supervision's 回访 and 专项督查, through
 * {@code RevisitOutcomes.reopen}): the ledger's own REOPEN move of {@code ItemStatus}, with its checks (who, from
 * which state, the reason), its history row, warnings and audit — nothing here decides differently from the item's
 * page. The row version is the one read in the same transaction: the caller decided on the revisit's page, not on
 * the item's.
 */
@Component
public class ItemReopening {

    private final LedgerItems items;

    ItemReopening(LedgerItems items) {
        this.items = items;
    }

    /** Takes the REOPEN move of the item with {@code reason}; refusals are the ledger's Chinese messages. */
    @Transactional
    public void reopen(DataScope scope, long item, String reason) {
        int version = items.item(scope, item).rowVersion();
        items.move(scope, item, version, new MoveDraft("REOPEN", reason, null, null, null, null, null));
    }
}
