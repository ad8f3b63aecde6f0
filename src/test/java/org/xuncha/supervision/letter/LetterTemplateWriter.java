package org.xuncha.supervision.letter;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.xuncha.documents.DocumentKind;
import org.xuncha.documents.OfficialDocumentTemplate;
import org.xuncha.documents.OfficialDocumentTemplate.Cell;

/**
 * Writes the built-in templates of the three supervision letters in 党政机关公文格式: 发文字号, 标题, 主送 the
 * organization, the text, the table of items, the answer's due date, 落款 and date. The files are committed; after
 * changing this class run {@code ./mvnw -o test -Dtest=LetterTemplateWriter -Dxuncha.write-templates=true}, and
 * {@code LetterTemplateTests} fails while a committed file is not what this class writes.
 */
@Tag("pure")
class LetterTemplateWriter {

    @Test
    @EnabledIfSystemProperty(named = "xuncha.write-templates", matches = "true")
    void writeTheBuiltInTemplates() throws IOException {
        for (DocumentKind kind : new DocumentKind[] {LetterDocumentKinds.SUPERVISE, LetterDocumentKinds.REMIND,
                LetterDocumentKinds.WARN}) {
            template(kind).write(Path.of("src/main/resources", kind.builtInTemplate()));
        }
    }

    static OfficialDocumentTemplate template(DocumentKind kind) {
        int no = 800;
        int status = 1300;
        int due = 1800;
        int why = 1700;
        int rest = OfficialDocumentTemplate.TEXT_WIDTH - no - status - due - why;
        return OfficialDocumentTemplate.create(kind.name() + "模板")
                .documentNumber("${文号}")
                .title("${标题}")
                .addressee("${主送}：")
                .block("${正文}")
                .table(new int[] {no, rest, status, due, why}, t -> t
                        .row(Cell.label("序号"), Cell.label("问题及整改目标"), Cell.label("状态"), Cell.label("完成时限"),
                                Cell.label("情形"))
                        .row(Cell.centred("${事项.序号}"), Cell.text("${事项.内容}"), Cell.centred("${事项.状态}"),
                                Cell.text("${事项.时限}"), Cell.text("${事项.情形}")))
                .paragraph("答复期限：${答复期限}")
                .signature("${发文机关}", "${发文日期}");
    }
}
