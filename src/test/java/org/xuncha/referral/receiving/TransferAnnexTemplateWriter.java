package org.xuncha.referral.receiving;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.xuncha.documents.OfficialDocumentTemplate;
import org.xuncha.documents.OfficialDocumentTemplate.Cell;

/**
 * Writes the built-in 移交函附件 template {@code src/main/resources/templates/documents/transfer-annex.docx} in
 * 党政机关公文格式 ({@link OfficialDocumentTemplate}): the letter's number, the title, one paragraph naming the letter
 * and the receiver, the persons' table (one repeated row per person) and who downloaded it when. Column widths leave
 * room for an 18-digit identity number on one line. The file is committed; after changing this class run
 * {@code ./mvnw -o test -Dtest=TransferAnnexTemplateWriter -Dxuncha.write-templates=true}, and
 * {@code TransferAnnexTemplateTests} fails while the committed file is not what this class writes.
 */
@Tag("pure")
class TransferAnnexTemplateWriter {

    static final Path TARGET = Path.of("src/main/resources", TransferAnnexKind.BUILT_IN);

    @Test
    @EnabledIfSystemProperty(named = "xuncha.write-templates", matches = "true")
    void writeTheBuiltInTemplate() throws IOException {
        template().write(TARGET);
    }

    static OfficialDocumentTemplate template() {
        int no = 800;
        int lead = 1700;
        int name = 1150;
        int id = 2900;
        int post = 1350;
        return OfficialDocumentTemplate.create("移交函附件模板")
                .documentNumber("${移交函号}")
                .title("移交问题线索涉及人员名单")
                .paragraph("${移交机关}移交${接收单位}的问题线索涉及人员，共${人数}人，仅限接收单位查阅，不得扩散。")
                .table(new int[] {no, lead, name, id, post, OfficialDocumentTemplate.TEXT_WIDTH - no - lead - name - id
                        - post}, t -> t
                        .row(Cell.label("序号"), Cell.label("所涉线索"), Cell.label("姓名"), Cell.label("身份证号码"),
                                Cell.label("职务"), Cell.label("职级"))
                        .row(Cell.text("${人员.序号}"), Cell.text("${人员.线索}"), Cell.text("${人员.姓名}"),
                                Cell.text("${人员.身份证号}"), Cell.text("${人员.职务}"), Cell.text("${人员.职级}")))
                .paragraph("查阅人：${查阅人}")
                .paragraph("查阅日期：${查阅日期}");
    }
}
