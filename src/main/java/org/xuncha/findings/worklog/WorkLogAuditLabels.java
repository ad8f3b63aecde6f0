package org.xuncha.findings.worklog;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditLabels;

/** The kinds the work logs write into their audit details, by their enum's labels. */
@Component
class WorkLogAuditLabels implements AuditLabels {

    @Override
    public Set<String> objectTypes() {
        return Set.of("WorkLog");
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> labels = new HashMap<>();
        for (WorkLogKind k : WorkLogKind.values()) {
            labels.put(k.name(), k.label());
        }
        return labels;
    }
}
