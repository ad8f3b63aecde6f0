package org.xuncha.supervision.letter;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON of a letter (API): its facts and state, never the attachment's content. */
final class LetterJson {

    private LetterJson() {
    }

    static Map<String, Object> summary(LetterRepository.Letter l, LocalDate today) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("letterNo", l.letterNo());
        m.put("kind", l.kind().name());
        m.put("kindLabel", l.kind().label());
        m.put("status", l.status().name());
        m.put("statusLabel", l.status().label());
        m.put("organizationId", l.organizationId());
        m.put("organization", l.organizationName() == null ? "" : l.organizationName());
        m.put("title", l.title());
        m.put("deliveredOn", text(l.deliveredOn()));
        m.put("answerDueOn", text(l.answerDueOn()));
        m.put("overdue", l.overdueOn(today));
        m.put("version", l.rowVersion());
        return m;
    }

    static Map<String, Object> of(Letters.LetterPage p) {
        LetterRepository.Letter l = p.letter();
        Map<String, Object> m = summary(l, LocalDate.MIN);
        m.put("overdue", p.overdue());
        m.put("content", l.content());
        m.put("answerWorkingDays", l.answerWorkingDays());
        m.put("signedOn", text(l.signedOn()));
        m.put("answerText", l.answerText() == null ? "" : l.answerText());
        m.put("answeredOn", text(l.answeredOn()));
        m.put("attachment", l.attachmentName() == null ? "" : l.attachmentName());
        m.put("settledOn", text(l.settledOn()));
        m.put("returnedReason", l.returnedReason() == null ? "" : l.returnedReason());
        m.put("items", p.items().stream().map(i -> Map.of("position", i.position(), "itemId", i.itemId(),
                "label", i.itemLabel(), "status", i.statusLabel(), "dueOn", i.dueOn().toString(),
                "condition", i.conditionLabel())).toList());
        return m;
    }

    private static String text(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
