package org.xuncha.rectification.feedback;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.xuncha.documents.OfficialDocumentTemplate;

/**
 * Writes the built-in template of the 反馈意见 in 党政机关公文格式 (GB/T 9704, see {@link OfficialDocumentTemplate}):
 * issuer mark, title, opening, the problems under their headings, the closing, the signature and date, and last the
 * reporting deadline. The file is committed; after changing this class run
 * {@code ./mvnw -o test -Dtest=FeedbackLetterTemplateWriter -Dxuncha.write-templates=true}, and
 * {@code FeedbackLetterTemplateTests} fails while the committed file is not what this class writes.
 */
@Tag("pure")
class FeedbackLetterTemplateWriter {

    @Test
    @EnabledIfSystemProperty(named = "xuncha.write-templates", matches = "true")
    void writeTheBuiltInTemplate() throws IOException {
        letter().write(Path.of("src/main/resources", FeedbackLetterKind.TEMPLATE));
    }

    static OfficialDocumentTemplate letter() {
        return OfficialDocumentTemplate.create("巡察反馈意见模板")
                .issuerMark("${巡察组}")
                .title("${标题}")
                .addressee("${被巡察单位}：")
                .paragraph("${开头}")
                .block("${反馈问题}")
                .paragraph("${结尾}")
                .heading("整改报送要求")
                .paragraph("${报送要求}")
                .signature("${巡察组}", "${落款日期}");
    }
}
