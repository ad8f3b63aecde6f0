package org.xuncha.supervision.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.findings.InspectionPersonNames;
import org.xuncha.findings.PersonNameSet;
import org.xuncha.intake.ReporterNameSet;
import org.xuncha.intake.ReporterNames;
import org.xuncha.rectification.LedgerPersonNames;

/**
 * What must not reach the public page (issue 15 §5): an exempt item's content in the title, the summary or a shown
 * item, and any person's name — the inspection's sealed real-name reporters (intake), interviewees and involved
 * persons (findings), as rectification's feedback checks them, and the ledger's 责任领导 and 经办人. The refusal says
 * where (标题, 摘要第N段, 第N项) and what kind of person or which exempt item, never the name; the name sets print
 * none and nothing here is logged.
 */
@Component
class DisclosureCheck {

    /** Shortest run of an exempt item's text that counts as that item appearing elsewhere. */
    static final int FRAGMENT = 10;

    private final ReporterNames reporters;
    private final InspectionPersonNames persons;

    DisclosureCheck(ReporterNames reporters, InspectionPersonNames persons) {
        this.reporters = reporters;
        this.persons = persons;
    }

    record Part(String where, String text) {
    }

    /**
     * The refusal while something must not be published; empty when the disclosure may go out.
     *
     * @param exemptTexts per exempt item its position and the texts that identify it (shown wording, problem, goal)
     */
    Optional<String> problem(DataScope scope, InspectionId inspection, List<Part> shown,
                             List<ExemptItem> exemptTexts, LedgerPersonNames ledgerNames) {
        for (ExemptItem e : exemptTexts) {
            for (Part p : shown) {
                if (e.texts().stream().anyMatch(t -> overlaps(t, p.text()))) {
                    return Optional.of("整改公开的" + p.where() + "中含有不予公开事项（第" + e.position()
                            + "项）的内容，请删除后再发布");
                }
            }
        }
        ReporterNameSet reporterNames = reporters.of(scope, inspection);
        PersonNameSet interviewees = persons.interviewees(scope, inspection);
        PersonNameSet involved = persons.involved(scope, inspection);
        List<Kind> kinds = List.of(new Kind("信访举报人", reporterNames::appearsIn),
                new Kind("谈话对象", interviewees::appearsIn), new Kind("涉及人员", involved::appearsIn),
                new Kind("责任领导", ledgerNames::leaderAppearsIn), new Kind("经办人", ledgerNames::handlerAppearsIn));
        for (Part p : shown) {
            for (Kind k : kinds) {
                if (k.appears().test(p.text())) {
                    return Optional.of("整改公开的" + p.where() + "中出现了" + k.label()
                            + "的姓名，公开内容不得点名，请修改后再发布（平台不显示该姓名）");
                }
            }
        }
        return Optional.empty();
    }

    record ExemptItem(int position, List<String> texts) {
    }

    private record Kind(String label, Predicate<String> appears) {
    }

    /** Whether a run of {@link #FRAGMENT} characters of {@code secret} (all of it, if shorter) occurs in {@code text}. */
    static boolean overlaps(String secret, String text) {
        if (secret == null || text == null) {
            return false;
        }
        String s = compact(secret);
        String t = compact(text);
        if (s.length() < 4 || t.isEmpty()) {
            return false;
        }
        if (s.length() <= FRAGMENT) {
            return t.contains(s);
        }
        for (int i = 0; i + FRAGMENT <= s.length(); i++) {
            if (t.contains(s.substring(i, i + FRAGMENT))) {
                return true;
            }
        }
        return false;
    }

    /** Whitespace and punctuation do not hide a copied sentence. */
    private static String compact(String text) {
        return text.replaceAll("[\\s\\p{P}\\p{S}]", "");
    }

    static List<Part> paragraphs(String summary) {
        List<Part> parts = new ArrayList<>();
        int n = 0;
        for (String p : summary.split("\\R")) {
            if (!p.isBlank()) {
                parts.add(new Part("摘要第" + (++n) + "段", p.strip()));
            }
        }
        return parts;
    }
}
