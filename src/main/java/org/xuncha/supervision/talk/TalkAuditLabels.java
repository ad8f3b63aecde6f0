package org.xuncha.supervision.talk;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditLabels;
import org.xuncha.supervision.AccountabilityForm;
import org.xuncha.supervision.NoticeKind;
import org.xuncha.supervision.SupervisingBody;
import org.xuncha.supervision.TalkeeKind;

/** The codes 约谈, 问责 and 通报 records write into their audit details (never a name), by their labels. */
@Component
class TalkAuditLabels implements AuditLabels {

    @Override
    public Set<String> objectTypes() {
        return Set.of(Talks.TALK, Talks.ACCOUNTABILITY, Talks.NOTICE);
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> labels = new HashMap<>();
        for (TalkeeKind k : TalkeeKind.values()) {
            labels.put(k.name(), k.label());
        }
        for (SupervisingBody b : SupervisingBody.values()) {
            labels.put(b.name(), b.label());
        }
        for (AccountabilityForm f : AccountabilityForm.values()) {
            labels.put(f.name(), f.label());
        }
        for (NoticeKind k : NoticeKind.values()) {
            labels.put(k.name(), k.label());
        }
        return labels;
    }
}
