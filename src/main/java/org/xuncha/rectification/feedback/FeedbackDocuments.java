package org.xuncha.rectification.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.documents.DocumentContent;
import org.xuncha.documents.DocumentTemplates;

/**
 * Writes a 反馈意见 as .docx ({@link FeedbackLetterKind}) from the body's template or the built-in one, for whoever
 * reads the feedback (the TARGET only once delivered: {@link FeedbackScope}). Only the wording and headings go in,
 * never a source. Every document handed out is audited as an export.
 */
@Service
class FeedbackDocuments {

    private final FeedbackLetters letters;
    private final FeedbackTerms terms;
    private final DocumentTemplates templates;
    private final AuditTrail audit;
    private final Clock clock;

    FeedbackDocuments(FeedbackLetters letters, FeedbackTerms terms, DocumentTemplates templates, AuditTrail audit,
                      Clock clock) {
        this.letters = letters;
        this.terms = terms;
        this.templates = templates;
        this.audit = audit;
        this.clock = clock;
    }

    record Written(String fileName, byte[] content) {
    }

    /** Read-write: the export's audit record is written in this transaction. */
    @Transactional
    Written letter(DataScope scope, long id) {
        FeedbackView f = letters.get(scope, id);
        FeedbackTerms.Term term = terms.termOf(BodyId.of(f.bodyId()));
        DocumentTemplates.Filled filled = templates.fill(BodyId.of(f.bodyId()), FeedbackLetterKind.KIND,
                content(f, term, LocalDate.now(clock)));
        audit.success("EXPORT", "Feedback", f.id(), "docx feedback letter; template="
                + (filled.custom() ? "custom" : "built-in"));
        return new Written(f.organizationName() + "巡察反馈意见.docx", filled.content());
    }

    static DocumentContent content(FeedbackView f, FeedbackTerms.Term term, LocalDate today) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("标题", f.title());
        t.put("被巡察单位", f.organizationName());
        t.put("开头", nullToEmpty(f.opening()));
        t.put("反馈问题", problems(f));
        t.put("结尾", nullToEmpty(f.closing()));
        t.put("报送要求", deadline(f, term));
        t.put("巡察组", f.teamName());
        t.put("落款日期", FeedbackText.date(f.deliveredOn() == null ? today : f.deliveredOn()));
        return new DocumentContent(t, Map.of(), Map.of());
    }

    static String problems(FeedbackView f) {
        StringBuilder s = new StringBuilder();
        for (FeedbackView.Heading h : f.headings()) {
            s.append(h.numberedLabel()).append('\n');
            for (FeedbackView.Item i : h.items()) {
                s.append(i.position()).append(". ").append(i.wording()).append('\n');
            }
        }
        return s.toString().strip();
    }

    /** The reporting deadline the letter ends with. */
    static String deadline(FeedbackView f, FeedbackTerms.Term term) {
        if (f.delivered()) {
            return "请于" + FeedbackText.date(f.planDueOn()) + "前报送整改方案，" + FeedbackText.date(f.reportDueOn())
                    + "前报送整改情况报告和主要负责人组织落实情况报告。";
        }
        return "请于反馈之日起" + term.planWorkingDays() + "个工作日内报送整改方案，" + term.reportMonths()
                + "个月内报送整改情况报告和主要负责人组织落实情况报告。";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
