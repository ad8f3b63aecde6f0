package org.xuncha.supervision.closure;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.xuncha.documents.OfficialDocumentTemplate;

/**
 * Writes the built-in template of the 报结报告 in 党政机关公文格式 ({@link OfficialDocumentTemplate}): 标题, the conditions
 * and their standing, each organization's figures, 落款 the office and the date. The file is committed; after changing
 * this class run {@code ./mvnw -o test -Dtest=ClosureTemplateWriter -Dxuncha.write-templates=true}, and
 * {@code ClosureTemplateTests} fails while the committed file is not what this class writes.
 */
@Tag("pure")
class ClosureTemplateWriter {

    @Test
    @EnabledIfSystemProperty(named = "xuncha.write-templates", matches = "true")
    void writeTheBuiltInTemplate() throws IOException {
        closure().write(Path.of("src/main/resources", ClosureDocumentKinds.TEMPLATE));
    }

    static OfficialDocumentTemplate closure() {
        return OfficialDocumentTemplate.create("巡察整改报结报告模板")
                .title("${标题}")
                .paragraph("巡察组：${巡察组}")
                .paragraph("一、报结条件核对情况")
                .block("${报结条件}")
                .paragraph("二、各被巡察党组织整改情况")
                .block("${正文}")
                .signature("${巡察机构}", "${日期}");
    }
}
