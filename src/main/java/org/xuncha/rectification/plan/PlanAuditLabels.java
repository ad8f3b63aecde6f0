package org.xuncha.rectification.plan;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditLabels;
import org.xuncha.rectification.PlanStatus;

/** The statuses, participants and decisions plan records write into their audit details, by their labels. */
@Component
class PlanAuditLabels implements AuditLabels {

    @Override
    public Set<String> objectTypes() {
        return Set.of(Plans.OBJECT);
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> labels = new HashMap<>();
        for (PlanStatus s : PlanStatus.values()) {
            labels.put(s.name(), s.label());
        }
        for (ReviewParticipant p : ReviewParticipant.values()) {
            labels.put(p.name(), p.label());
        }
        for (ReviewDecision d : ReviewDecision.values()) {
            labels.put(d.name(), d.label());
        }
        labels.put("true", "是");
        labels.put("false", "否");
        return labels;
    }
}
