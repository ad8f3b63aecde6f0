package org.xuncha.referral.outcome;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditLabels;
import org.xuncha.referral.OutcomeCode;
import org.xuncha.referral.OutcomeKind;
import org.xuncha.referral.TransferStatus;

/** The kinds, codes and statuses outcome events write into their audit details, by their enums' labels. */
@Component
class OutcomeAuditLabels implements AuditLabels {

    @Override
    public Set<String> objectTypes() {
        return Set.of("ReferralOutcome");
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> labels = new HashMap<>();
        for (TransferStatus s : TransferStatus.values()) {
            labels.put(s.name(), s.label());
        }
        for (OutcomeKind k : OutcomeKind.values()) {
            labels.put(k.name(), k.label());
        }
        // codes of different kinds share names (WARNING is 党纪 and 政务 警告; EXPULSION 开除党籍 and 开除): the kind
        // key beside it in the detail says which, so the shared name gets the shared word
        for (OutcomeKind k : OutcomeKind.values()) {
            for (OutcomeCode c : k.codes()) {
                labels.merge(c.name(), c.label(), (a, b) -> a.equals(b) ? a : a + "/" + b);
            }
        }
        return labels;
    }
}
