package org.xuncha.rectification.report;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.xuncha.documents.OfficialDocumentTemplate;

/**
 * Writes the built-in templates of the two reports after the feedback in 党政机关公文格式 ({@link OfficialDocumentTemplate}):
 * 标题, 主送 the office, the text as drafted (one paragraph per line), the 主要负责人's signature with the post, 落款 (the
 * organization for the 整改情况报告; the 主要负责人 in person for the 组织落实情况报告) and the date. The files are
 * committed; after changing this class run
 * {@code ./mvnw -o test -Dtest=ReportTemplateWriter -Dxuncha.write-templates=true}, and {@code ReportTemplateTests}
 * fails while a committed file is not what this class writes.
 */
@Tag("pure")
class ReportTemplateWriter {

    @Test
    @EnabledIfSystemProperty(named = "xuncha.write-templates", matches = "true")
    void writeTheBuiltInTemplates() throws IOException {
        situation().write(Path.of("src/main/resources", ReportDocumentKinds.SITUATION_TEMPLATE));
        leader().write(Path.of("src/main/resources", ReportDocumentKinds.LEADER_TEMPLATE));
    }

    static OfficialDocumentTemplate situation() {
        return OfficialDocumentTemplate.create("整改情况报告模板")
                .title("${标题}")
                .addressee("${主送}：")
                .block("${正文}")
                .paragraph("（反馈日期：${反馈日期}；报送期限：${报送期限}；反馈的巡察组：${巡察组}）")
                .paragraph("主要负责人（签字）：${签字人}")
                .paragraph("签字人职务：${签字人职务}")
                .signature("${单位}", "${签字日期}");
    }

    static OfficialDocumentTemplate leader() {
        return OfficialDocumentTemplate.create("主要负责人组织落实情况报告模板")
                .title("${标题}")
                .addressee("${主送}：")
                .block("${正文}")
                .paragraph("（反馈日期：${反馈日期}；报送期限：${报送期限}；反馈的巡察组：${巡察组}）")
                .paragraph("报告人：${单位}${签字人职务}")
                .signature("${签字人}", "${签字日期}");
    }
}
