package org.xuncha.rectification.redcard;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditLabels;
import org.xuncha.rectification.RedCardKind;
import org.xuncha.rectification.RedCardStatus;

/** The kinds and statuses the red cards write into their audit details, by their enums' words. */
@Component
class RedCardAuditLabels implements AuditLabels {

    @Override
    public Set<String> objectTypes() {
        return Set.of("RedCard");
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> labels = new HashMap<>();
        for (RedCardKind k : RedCardKind.values()) {
            labels.put(k.name(), k.label());
        }
        for (RedCardStatus s : RedCardStatus.values()) {
            labels.put(s.name(), s.label());
        }
        return labels;
    }
}
