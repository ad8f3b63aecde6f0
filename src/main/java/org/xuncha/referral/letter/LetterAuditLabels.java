package org.xuncha.referral.letter;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditLabels;

/** The verdicts a letter verification writes into its audit detail, by {@link LetterVerdict}'s labels. */
@Component
class LetterAuditLabels implements AuditLabels {

    @Override
    public Set<String> objectTypes() {
        return Set.of(TransferLetters.OBJECT);
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> labels = new HashMap<>();
        for (LetterVerdict v : LetterVerdict.values()) {
            labels.put(v.name(), v.label());
        }
        labels.put("web", "网页");
        labels.put("api", "接口");
        labels.put("cli", "命令行");
        return labels;
    }
}
