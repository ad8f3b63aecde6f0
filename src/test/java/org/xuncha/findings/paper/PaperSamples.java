package org.xuncha.findings.paper;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Drafts and files for working-paper tests. */
final class PaperSamples {

    private PaperSamples() {
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A PDF that opens with JavaScript: the upload check refuses it. */
    static byte[] pdfWithJavaScript() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert('x')) >> >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    static WorkingPaperDraft draft(String title, Long regulationId) {
        return draft(title, regulationId, "12345.67", List.of(new WorkingPaperDraft.Evidence(null,
                "2025年公务接待清单及报销凭证", List.of(new WorkingPaperDraft.Upload("凭证.pdf", pdf())))));
    }

    static WorkingPaperDraft draft(String title, Long regulationId, String illegalYuan,
                                   List<WorkingPaperDraft.Evidence> evidence) {
        return new WorkingPaperDraft(title, "2025年该局超标准公务接待12次，其中3次安排高档酒水。",
                regulationId == null ? List.of() : List.of(new WorkingPaperDraft.Basis(regulationId, "第一百二十二条")),
                null, ProblemSource.RECORDS, "调阅2025年财务凭证第12-40号", "局党组落实主体责任不力", "党组书记",
                "分管财务副局长", "派驻纪检组监督不到位", illegalYuan, null, null, null, evidence);
    }
}
