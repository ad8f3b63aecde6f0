package org.xuncha.rectification.ledger;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditLabels;
import org.xuncha.rectification.ItemStatus;

/** The statuses and move codes the ledger writes into its audit details, by their enum's words. */
@Component
class LedgerAuditLabels implements AuditLabels {

    @Override
    public Set<String> objectTypes() {
        return Set.of("RectificationItem");
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> labels = new HashMap<>();
        for (ItemStatus s : ItemStatus.values()) {
            labels.put(s.name(), s.label());
        }
        for (String code : ItemStatus.moveCodes()) {
            labels.put(code, ItemStatus.moveLabel(code));
        }
        return labels;
    }
}
