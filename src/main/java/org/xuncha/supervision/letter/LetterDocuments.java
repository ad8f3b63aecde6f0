package org.xuncha.supervision.letter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.documents.DocumentContent;
import org.xuncha.documents.DocumentTemplates;

/**
 * The .docx of a letter, filled through the documents capability with the body's template of its kind (the built-in
 * one when the office uploaded none). Whoever reads the letter may download it; nothing changes. A draft's answer
 * due date is not known yet and says so.
 */
@Service
class LetterDocuments {

    record Download(String fileName, byte[] content) {
    }

    private final Letters letters;
    private final LetterRepository repository;
    private final DocumentTemplates templates;

    LetterDocuments(Letters letters, LetterRepository repository, DocumentTemplates templates) {
        this.letters = letters;
        this.repository = repository;
        this.templates = templates;
    }

    @Transactional(readOnly = true)
    Download docx(DataScope scope, long id) {
        LetterRepository.Letter l = letters.found(scope, id);
        Map<String, String> t = new LinkedHashMap<>();
        t.put("文号", l.letterNo());
        t.put("标题", l.title());
        t.put("主送", l.organizationName() == null ? "" : l.organizationName());
        t.put("正文", l.content());
        t.put("答复期限", l.answerDueOn() == null ? "送达后" + l.answerWorkingDays() + "个工作日内" : date(l.answerDueOn()));
        t.put("发文机关", l.issuer());
        t.put("发文日期", date(l.deliveredOn() != null ? l.deliveredOn() : letters.today()));
        List<Map<String, String>> rows = new ArrayList<>();
        for (LetterRepository.LetterItem i : repository.items(id)) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("序号", String.valueOf(i.position()));
            row.put("内容", i.itemLabel());
            row.put("状态", i.statusLabel());
            row.put("时限", date(i.dueOn()));
            row.put("情形", i.conditionLabel());
            rows.add(row);
        }
        byte[] docx = templates.fill(BodyId.of(l.bodyId()), LetterDocumentKinds.of(l.kind()),
                new DocumentContent(t, Map.of(), Map.of("事项", rows))).content();
        return new Download(l.kind().label() + "（" + l.letterNo() + "）.docx", docx);
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.format(Letters.DATE);
    }
}
