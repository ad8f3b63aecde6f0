package org.xuncha.findings.finding;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditLabels;
import org.xuncha.findings.FindingSeverity;
import org.xuncha.findings.HeadingScheme;

/** The statuses, schemes and severities findings write into their audit details, by their enums' labels. */
@Component
class FindingAuditLabels implements AuditLabels {

    @Override
    public Set<String> objectTypes() {
        return Set.of("Finding");
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> labels = new HashMap<>();
        for (FindingStatus s : FindingStatus.values()) {
            labels.put(s.name(), s.label());
        }
        for (HeadingScheme s : HeadingScheme.values()) {
            labels.put(s.name(), s.label());
        }
        for (FindingSeverity s : FindingSeverity.values()) {
            labels.put(s.name(), s.label());
        }
        return labels;
    }
}
