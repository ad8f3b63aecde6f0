package org.xuncha.supervision.revisit;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditLabels;

/** The statuses and outcomes the special checks write into their audit details, and their menu entry. */
@Component
class SpecialCheckAuditLabels implements AuditLabels {

    @Override
    public Set<String> objectTypes() {
        return Set.of("SpecialCheck");
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> labels = new HashMap<>();
        for (SpecialCheckStatus s : SpecialCheckStatus.values()) {
            labels.put(s.name(), s.label());
        }
        for (ItemOutcome o : ItemOutcome.values()) {
            labels.put(o.name(), o.label());
        }
        return labels;
    }
}
