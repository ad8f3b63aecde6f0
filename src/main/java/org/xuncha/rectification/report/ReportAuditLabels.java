package org.xuncha.rectification.report;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditLabels;

/** The kinds and yes/no values report records write into their audit details, by their labels. */
@Component
class ReportAuditLabels implements AuditLabels {

    @Override
    public Set<String> objectTypes() {
        return Set.of(RectificationReports.OBJECT);
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> labels = new HashMap<>();
        for (RectificationReportKind k : RectificationReportKind.values()) {
            labels.put(k.name(), k.label());
        }
        labels.put("true", "是");
        labels.put("false", "否");
        return labels;
    }
}
