package org.xuncha.findings.paper;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditLabels;

/** The statuses and problem sources working papers write into their audit details, by their enums' labels. */
@Component
class WorkingPaperAuditLabels implements AuditLabels {

    @Override
    public Set<String> objectTypes() {
        return Set.of("WorkingPaper");
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> labels = new HashMap<>();
        for (WorkingPaperStatus s : WorkingPaperStatus.values()) {
            labels.put(s.name(), s.label());
        }
        for (ProblemSource s : ProblemSource.values()) {
            labels.put(s.name(), s.label());
        }
        return labels;
    }
}
