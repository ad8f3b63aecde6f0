package org.xuncha.supervision.evaluation;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.xuncha.documents.OfficialDocumentTemplate;

/**
 * Writes the built-in template of the 整改质效评估报告 in 党政机关公文格式 ({@link OfficialDocumentTemplate}): title, the
 * evaluated organization and inspection, the model, total, grade and veto, the scores one per line, the measures,
 * and the office with the date. The file is committed; after changing this class run
 * {@code ./mvnw -o test -Dtest=EvaluationTemplateWriter -Dxuncha.write-templates=true}, and
 * {@code EvaluationTemplateTests} fails while the committed file is not what this class writes.
 */
@Tag("pure")
class EvaluationTemplateWriter {

    @Test
    @EnabledIfSystemProperty(named = "xuncha.write-templates", matches = "true")
    void writeTheBuiltInTemplate() throws IOException {
        report().write(Path.of("src/main/resources", EvaluationReportKind.TEMPLATE));
    }

    static OfficialDocumentTemplate report() {
        return OfficialDocumentTemplate.create("整改质效评估报告模板")
                .title("${标题}")
                .paragraph("被评估单位：${单位}")
                .paragraph("巡察：${巡察}")
                .paragraph("评估模型：${评估模型}")
                .paragraph("总分：${总分}")
                .paragraph("等级：${等级}")
                .paragraph("一票否决：${一票否决}")
                .heading("一、评分明细")
                .block("${评分明细}")
                .heading("二、后续措施")
                .block("${后续措施}")
                .signature("${评估机构}", "${确定日期}");
    }
}
