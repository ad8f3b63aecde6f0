package org.xuncha.rectification.report;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.BodyId;
import org.xuncha.documents.DocumentContent;
import org.xuncha.documents.DocumentTemplates;

/**
 * The .docx of a report, filled through the documents capability with the body's template of its kind (the built-in
 * one when the office uploaded none). Whoever reads the report may download it; nothing changes. An unsigned report
 * says so where the signature goes.
 */
@Service
class ReportDocuments {

    record Download(String fileName, byte[] content) {
    }

    private final RectificationReports reports;
    private final DocumentTemplates templates;
    private final java.time.Clock clock;

    ReportDocuments(RectificationReports reports, DocumentTemplates templates, java.time.Clock clock) {
        this.reports = reports;
        this.templates = templates;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Download docx(org.xuncha.common.DataScope scope, long id) {
        RectificationReportRepository.Report r = reports.found(scope, id);
        Map<String, String> t = new LinkedHashMap<>();
        t.put("标题", r.title());
        t.put("主送", r.officeName() != null ? r.officeName() : r.bodyName() == null ? "" : r.bodyName());
        t.put("单位", r.organizationName() == null ? "" : r.organizationName());
        t.put("巡察组", r.teamName() == null ? "" : r.teamName());
        t.put("反馈日期", date(r.deliveredOn()));
        t.put("报送期限", date(r.dueOn()));
        t.put("正文", r.content());
        t.put("签字人", r.signed() ? r.signedByName() : "（未签字）");
        t.put("签字人职务", r.signed() ? r.signedPost() : "");
        t.put("签字日期", r.signed() ? date(LocalDate.ofInstant(r.signedAt().toInstant(), clock.getZone())) : "");
        byte[] docx = templates.fill(BodyId.of(r.bodyId()), ReportDocumentKinds.of(r.kind()),
                new DocumentContent(t, Map.of(), Map.of())).content();
        return new Download(r.kind().label() + "（" + t.get("单位") + "）.docx", docx);
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.format(RectificationReports.DATE);
    }
}
