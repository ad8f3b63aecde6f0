package org.xuncha.referral.clock;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditLabels;

/** The progress cycles the reply term writes into its audit details, by their labels. */
@Component
class ClockAuditLabels implements AuditLabels {

    @Override
    public Set<String> objectTypes() {
        return Set.of("ReplyTerm");
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> labels = new HashMap<>();
        for (ProgressCycle c : ProgressCycle.values()) {
            labels.put(c.name(), c.label());
        }
        return labels;
    }
}
