package org.xuncha.findings.lead;

import java.util.ArrayList;
import java.util.List;

import org.xuncha.platform.web.UserInputException;

/**
 * The lead form as the page posts it: texts as typed, the person rows index-aligned (name, identity number, post,
 * rank). Turned into a {@link LeadDraft} for the service, and built back from a lead for the edit page.
 */
record LeadForm(String title, String description, String source, String paperId, String sourceRef,
                String violation, String urgent, List<String> personName, List<String> personId,
                List<String> personPost, List<String> personRank) {

    static final int BLANK_ROWS = 2;

    LeadForm {
        int n = Math.max(Math.max(size(personName), size(personId)), Math.max(size(personPost), size(personRank)));
        personName = pad(personName, n);
        personId = pad(personId, n);
        personPost = pad(personPost, n);
        personRank = pad(personRank, n);
    }

    static LeadForm blank() {
        return new LeadForm(null, null, null, null, null, null, null, pad(null, BLANK_ROWS), null, null, null);
    }

    static LeadForm of(LeadView l) {
        List<String> names = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> posts = new ArrayList<>();
        List<String> ranks = new ArrayList<>();
        for (LeadView.PersonView p : l.persons()) {
            names.add(p.name());
            ids.add(p.idNumber());
            posts.add(p.post());
            ranks.add(p.rank().name());
        }
        names.add(null);
        return new LeadForm(l.title(), l.description(), l.source().name(), l.paperId() == null ? null
                : l.paperId().toString(), l.sourceRef(), l.violation().name(), l.urgent() ? "true" : null, names, ids,
                posts, ranks);
    }

    /** The same form with one more blank person row (the 添加人员 button). */
    LeadForm withRow() {
        List<String> names = new ArrayList<>(personName);
        names.add(null);
        return new LeadForm(title, description, source, paperId, sourceRef, violation, urgent, names, personId,
                personPost, personRank);
    }

    LeadDraft draft() {
        List<LeadDraft.Person> persons = new ArrayList<>();
        for (int i = 0; i < personName.size(); i++) {
            persons.add(new LeadDraft.Person(personName.get(i), personId.get(i), personPost.get(i),
                    LeadController.parse(PersonRank.class, personRank.get(i), "职级")));
        }
        Long paper = null;
        if (paperId != null && !paperId.isBlank()) {
            try {
                paper = Long.valueOf(paperId.strip());
            } catch (NumberFormatException e) {
                throw new UserInputException("请选择作为线索来源的工作底稿");
            }
        }
        return new LeadDraft(title, description, LeadController.parse(LeadSource.class, source, "线索来源"), paper,
                sourceRef, LeadController.parse(SuspectedViolation.class, violation, "涉嫌违反的纪律"),
                "true".equals(urgent) || "on".equals(urgent), persons);
    }

    private static int size(List<String> l) {
        return l == null ? 0 : l.size();
    }

    private static List<String> pad(List<String> values, int n) {
        List<String> out = values == null ? new ArrayList<>() : new ArrayList<>(values);
        while (out.size() < n) {
            out.add(null);
        }
        return out;
    }
}
