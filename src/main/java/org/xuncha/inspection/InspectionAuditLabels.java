package org.xuncha.inspection;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditLabels;
import org.xuncha.people.TeamRole;

/** The stages and team roles inspection writes into its audit details, named by their enums' labels. */
@Component
class InspectionAuditLabels implements AuditLabels {

    @Override
    public java.util.Set<String> objectTypes() {
        return java.util.Set.of("Inspection");
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> labels = new HashMap<>();
        for (InspectionStage s : InspectionStage.values()) {
            labels.put(s.name(), s.label());
        }
        for (TeamRole r : TeamRole.values()) {
            labels.put(r.name(), r.label());
        }
        return labels;
    }
}
