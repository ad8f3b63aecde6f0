package org.xuncha.findings.report;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.xuncha.documents.OfficialDocumentTemplate;
import org.xuncha.documents.OfficialDocumentTemplate.Cell;

/**
 * Writes the built-in templates of the 巡察报告 and the 《巡察发现问题线索报告》 in 党政机关公文格式 (see
 * {@link OfficialDocumentTemplate}). The files are committed; after changing this class run
 * {@code ./mvnw -o test -Dtest=InspectionReportTemplateWriter -Dxuncha.write-templates=true}, and
 * {@code InspectionReportTemplateTests} fails while the committed files are not what this class writes.
 */
@Tag("pure")
class InspectionReportTemplateWriter {

    @Test
    @EnabledIfSystemProperty(named = "xuncha.write-templates", matches = "true")
    void writeTheBuiltInTemplates() throws IOException {
        report().write(Path.of("src/main/resources", InspectionReportKinds.REPORT_TEMPLATE));
        leads().write(Path.of("src/main/resources", InspectionReportKinds.LEADS_TEMPLATE));
    }

    static OfficialDocumentTemplate report() {
        return OfficialDocumentTemplate.create("巡察报告模板")
                .issuerMark("${巡察组}")
                .title("巡察报告")
                .heading("一、巡察工作基本情况")
                .paragraph("${基本情况}")
                .heading("二、总体评价")
                .paragraph("${总体评价}")
                .heading("三、主要问题")
                .paragraph("${主要问题}")
                .heading("四、意见建议")
                .paragraph("${意见建议}")
                .paragraph("${状态}")
                .signature("${巡察组}", "${落款日期}");
    }

    static OfficialDocumentTemplate leads() {
        int no = 900;
        int persons = 1500;
        return OfficialDocumentTemplate.create("巡察发现问题线索报告模板")
                .issuerMark("${巡察组}")
                .title("巡察发现问题线索报告")
                .paragraph("${线索情况}")
                .table(new int[] {no, OfficialDocumentTemplate.TEXT_WIDTH - no - persons, persons}, t -> t
                        .row(Cell.label("序号"), Cell.label("问题线索"), Cell.label("涉及人数"))
                        .row(Cell.text("${线索.序号}"), Cell.text("${线索.标题}"), Cell.text("${线索.涉及人数}")))
                .signature("${巡察组}", "${落款日期}");
    }
}
