package org.xuncha.findings.paper;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.xuncha.documents.OfficialDocumentTemplate;
import org.xuncha.documents.OfficialDocumentTemplate.Cell;

/**
 * Writes the built-in approval slip template {@code src/main/resources/templates/documents/working-paper-slip.docx}
 * in 党政机关公文格式 (see {@link OfficialDocumentTemplate}): the team as 发文机关标志, the paper's number, the title
 * 巡察工作底稿审批单 and one bordered table of the paper's fields, its evidence (a repeated row) and the three
 * approvals (撰写人, 副组长, 组务会 and 组长's signature). The file is committed; after changing this class run
 * {@code ./mvnw -o test -Dtest=WorkingPaperSlipTemplateWriter -Dxuncha.write-templates=true}, and
 * {@code WorkingPaperSlipTemplateTests} fails while the committed file is not what this class writes.
 */
@Tag("pure")
class WorkingPaperSlipTemplateWriter {

    static final Path TARGET = Path.of("src/main/resources", WorkingPaperSlipKind.BUILT_IN);

    @Test
    @EnabledIfSystemProperty(named = "xuncha.write-templates", matches = "true")
    void writeTheBuiltInTemplate() throws IOException {
        template().write(TARGET);
    }

    static OfficialDocumentTemplate template() {
        int label = 2000;
        return OfficialDocumentTemplate.create("底稿审批单模板")
                .issuerMark("${巡察组}")
                .documentNumber("${编号}")
                .title("巡察工作底稿审批单")
                .table(new int[] {label, OfficialDocumentTemplate.TEXT_WIDTH - label}, t -> t
                        .row(Cell.label("问题标题"), Cell.text("${问题标题}"))
                        .row(Cell.label("问题表现"), Cell.text("${问题表现}"))
                        .row(Cell.label("定性依据"), Cell.text("${定性依据}"))
                        .row(Cell.label("问题来源"), Cell.text("${问题来源}"))
                        .row(Cell.label("${证据.编号}"), Cell.text("${证据.说明}"))
                        .row(Cell.label("主体责任"), Cell.text("${主体责任}"))
                        .row(Cell.label("第一责任人"), Cell.text("${第一责任人}"))
                        .row(Cell.label("主要领导"), Cell.text("${主要领导}"))
                        .row(Cell.label("监督责任"), Cell.text("${监督责任}"))
                        .row(Cell.label("违规资金"), Cell.text("${违规资金}"))
                        .row(Cell.label("造成损失"), Cell.text("${损失金额}"))
                        .row(Cell.label("发现人"), Cell.text("${发现人}"))
                        .row(Cell.label("撰写人"), Cell.text("${撰写人}"))
                        .row(Cell.label("副组长\n审核意见"), Cell.text("${副组长意见}"))
                        .row(Cell.label("组务会\n审核意见"), Cell.text("${组务会意见}"))
                        .row(Cell.label("组长签字"), Cell.text("${组长}"))
                        .row(Cell.label("审批日期"), Cell.text("${审批日期}"))
                        .row(Cell.label("状态"), Cell.text("${状态}")));
    }
}
