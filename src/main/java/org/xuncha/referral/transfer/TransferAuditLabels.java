package org.xuncha.referral.transfer;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditLabels;
import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.TransferStatus;

/** The receiver kinds and statuses transfers write into their audit details, by their enums' labels. */
@Component
class TransferAuditLabels implements AuditLabels {

    @Override
    public Set<String> objectTypes() {
        return Set.of("TransferLetter", "TransferItem");
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> labels = new HashMap<>();
        for (ReceiverKind k : ReceiverKind.values()) {
            labels.put(k.name(), k.label());
        }
        for (TransferStatus s : TransferStatus.values()) {
            labels.put(s.name(), s.label());
        }
        return labels;
    }
}
