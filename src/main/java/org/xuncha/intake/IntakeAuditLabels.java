package org.xuncha.intake;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditLabels;

/** The channels, statuses, dispositions and closures intake writes into its audit details, by their enums' labels. */
@Component
class IntakeAuditLabels implements AuditLabels {

    @Override
    public java.util.Set<String> objectTypes() {
        return java.util.Set.of("Petition", "PetitionAttachment");
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> labels = new HashMap<>();
        for (PetitionChannel c : PetitionChannel.values()) {
            labels.put(c.name(), c.label());
        }
        for (PetitionStatus s : PetitionStatus.values()) {
            labels.put(s.name(), s.label());
        }
        for (Disposition d : Disposition.values()) {
            labels.put(d.name(), d.label());
        }
        for (ClosureClass c : ClosureClass.values()) {
            labels.put(c.name(), c.label());
        }
        return labels;
    }
}
