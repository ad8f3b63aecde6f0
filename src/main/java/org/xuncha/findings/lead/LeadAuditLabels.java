package org.xuncha.findings.lead;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditLabels;

/** The statuses and sources leads write into their audit details, by their enums' labels. */
@Component
class LeadAuditLabels implements AuditLabels {

    @Override
    public Set<String> objectTypes() {
        return Set.of("ProblemLead");
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> labels = new HashMap<>();
        for (LeadStatus s : LeadStatus.values()) {
            labels.put(s.name(), s.label());
        }
        for (LeadSource s : LeadSource.values()) {
            labels.put(s.name(), s.label());
        }
        return labels;
    }
}
