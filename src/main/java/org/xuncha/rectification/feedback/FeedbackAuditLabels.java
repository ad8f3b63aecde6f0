package org.xuncha.rectification.feedback;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditLabels;
import org.xuncha.rectification.FeedbackStatus;

/** The statuses, sessions and copy recipients the feedback writes into its audit details, by their labels. */
@Component
class FeedbackAuditLabels implements AuditLabels {

    @Override
    public Set<String> objectTypes() {
        return Set.of("Feedback");
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> labels = new HashMap<>();
        for (FeedbackStatus s : FeedbackStatus.values()) {
            labels.put(s.name(), s.label());
        }
        for (FeedbackSession s : FeedbackSession.values()) {
            labels.put(s.name(), s.label());
        }
        for (CopyRecipient r : CopyRecipient.values()) {
            labels.put(r.name(), r.label());
        }
        return labels;
    }
}
