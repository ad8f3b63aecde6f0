package org.xuncha.supervision.letter;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditLabels;
import org.xuncha.supervision.LetterKind;

/** The kinds and yes/no values letter records write into their audit details, by their labels. */
@Component
class SupervisionLetterAuditLabels implements AuditLabels {

    @Override
    public Set<String> objectTypes() {
        return Set.of(Letters.OBJECT);
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> labels = new HashMap<>();
        for (LetterKind k : LetterKind.values()) {
            labels.put(k.name(), k.label());
        }
        labels.put("true", "是");
        labels.put("false", "否");
        return labels;
    }
}
