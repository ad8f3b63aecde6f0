package org.xuncha.findings.comparison;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditLabels;

/** The key kinds a comparison's audit record names ({@code kind=ID_NUMBER}), by their labels. */
@Component
class ComparisonAuditLabels implements AuditLabels {

    @Override
    public Set<String> objectTypes() {
        return Set.of("DataComparison");
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> labels = new HashMap<>();
        for (KeyKind k : KeyKind.values()) {
            labels.put(k.name(), k.label());
        }
        return labels;
    }
}
