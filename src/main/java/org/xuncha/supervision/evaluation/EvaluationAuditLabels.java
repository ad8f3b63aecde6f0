package org.xuncha.supervision.evaluation;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditLabels;
import org.xuncha.supervision.EvaluationConsequence;

/** The object types and codes the evaluation's audit details carry, by their labels. */
@Component
class EvaluationAuditLabels implements AuditLabels {

    @Override
    public Set<String> objectTypes() {
        return Set.of(EvaluationModels.OBJECT, Evaluations.OBJECT, Evaluations.SHEET, Evaluations.ACTION);
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> labels = new HashMap<>();
        for (SheetStatus s : SheetStatus.values()) {
            labels.put(s.name(), s.label());
        }
        for (ModelStatus s : ModelStatus.values()) {
            labels.put(s.name(), s.label());
        }
        for (ActionStatus s : ActionStatus.values()) {
            labels.put(s.name(), s.label());
        }
        for (EvaluationConsequence c : EvaluationConsequence.values()) {
            labels.put(c.name(), c.label());
        }
        for (ModelTemplates t : ModelTemplates.values()) {
            labels.put(t.name(), t.label());
        }
        labels.put("true", "是");
        labels.put("false", "否");
        return labels;
    }
}
