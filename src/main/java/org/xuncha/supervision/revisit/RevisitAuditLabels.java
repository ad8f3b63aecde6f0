package org.xuncha.supervision.revisit;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditLabels;

/** The statuses, checks and outcomes the revisits write into their audit details, by their enums' words. */
@Component
class RevisitAuditLabels implements AuditLabels {

    @Override
    public Set<String> objectTypes() {
        return Set.of("Revisit");
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> labels = new HashMap<>();
        for (RevisitStatus s : RevisitStatus.values()) {
            labels.put(s.name(), s.label());
        }
        for (RevisitCheck c : RevisitCheck.values()) {
            labels.put(c.name(), c.label());
        }
        for (ItemOutcome o : ItemOutcome.values()) {
            labels.put(o.name(), o.label());
        }
        return labels;
    }
}
