package org.xuncha.rectification.plan;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.xuncha.documents.OfficialDocumentTemplate;
import org.xuncha.documents.OfficialDocumentTemplate.Cell;

/**
 * Writes the built-in templates of 整改方案 ({@code rectification-plan.docx}: title, an opening paragraph, the three
 * lists 问题清单 / 任务清单 / 责任清单 as tables with one repeated row each, the 主要负责人's signature) and of its
 * joint review's reply ({@code rectification-plan-review.docx}: 主送, the conclusion, the participants' answers as a
 * table, 落款) in 党政机关公文格式 ({@link OfficialDocumentTemplate}). The files are committed; after changing this
 * class run {@code ./mvnw -o test -Dtest=PlanTemplateWriter -Dxuncha.write-templates=true}, and
 * {@code PlanTemplateTests} fails while a committed file is not what this class writes.
 */
@Tag("pure")
class PlanTemplateWriter {

    static final Path PLAN = Path.of("src/main/resources", PlanDocumentKinds.PLAN_TEMPLATE);
    static final Path REVIEW = Path.of("src/main/resources", PlanDocumentKinds.REVIEW_TEMPLATE);

    @Test
    @EnabledIfSystemProperty(named = "xuncha.write-templates", matches = "true")
    void writeTheBuiltInTemplates() throws IOException {
        plan().write(PLAN);
        review().write(REVIEW);
    }

    static OfficialDocumentTemplate plan() {
        // 序号 and 问题 take two 四号 characters on one line beside the cell margins
        int no = 900;
        int problem = 900;
        int goal = 1600;
        int due = 1500;
        int mechanism = 1600;
        int leader = 1400;
        int handler = 1700;
        int rest = OfficialDocumentTemplate.TEXT_WIDTH;
        return OfficialDocumentTemplate.create("整改方案模板")
                .title("${标题}")
                .paragraph("根据${巡察组}于${反馈日期}反馈的意见，${单位}对反馈的${问题数}个问题逐一研究，制定整改事项${事项数}项，"
                        + "形成问题清单、任务清单、责任清单如下。")
                .heading("一、问题清单")
                .table(new int[] {no, 2400, rest - no - 2400}, t -> t
                        .row(Cell.label("序号"), Cell.label("问题类别"), Cell.label("反馈问题"))
                        .row(Cell.centred("${问题.序号}"), Cell.text("${问题.类别}"), Cell.text("${问题.内容}")))
                .heading("二、任务清单")
                .table(new int[] {no, problem, goal, rest - no - problem - goal - due - mechanism, due, mechanism},
                        t -> t
                        .row(Cell.label("序号"), Cell.label("问题"), Cell.label("整改目标"), Cell.label("整改措施"),
                                Cell.label("完成时限"), Cell.label("长效机制"))
                        .row(Cell.centred("${任务.序号}"), Cell.centred("${任务.问题序号}"), Cell.text("${任务.整改目标}"),
                                Cell.text("${任务.整改措施}"), Cell.text("${任务.完成时限}"), Cell.text("${任务.长效机制}")))
                .heading("三、责任清单")
                .table(new int[] {no, problem, leader, rest - no - problem - leader - handler - due, handler, due},
                        t -> t
                        .row(Cell.label("序号"), Cell.label("问题"), Cell.label("责任领导"), Cell.label("责任部门"),
                                Cell.label("具体经办人"), Cell.label("完成时限"))
                        .row(Cell.centred("${责任.序号}"), Cell.centred("${责任.问题序号}"), Cell.text("${责任.责任领导}"),
                                Cell.text("${责任.责任部门}"), Cell.text("${责任.具体经办人}"), Cell.text("${责任.完成时限}")))
                .paragraph("本方案报送期限：${报送期限}。")
                .paragraph("主要负责人（签字）：${签字人}")
                .paragraph("签字人职务：${签字人职务}")
                .signature("${单位}", "${签字日期}");
    }

    static OfficialDocumentTemplate review() {
        int who = 1500;
        int question = 3700;
        int ok = 900;
        return OfficialDocumentTemplate.create("整改方案审核意见模板")
                .title("${标题}")
                .addressee("${单位}：")
                .paragraph("你单位于${报送日期}报送的整改方案（第${审核轮次}次报送）收悉。审核结论：${审核结论}。")
                .paragraph("${结论说明}")
                .paragraph("联合审核意见如下：")
                .table(new int[] {who, question, ok, OfficialDocumentTemplate.TEXT_WIDTH - who - question - ok}, t -> t
                        .row(Cell.label("联审单位"), Cell.label("审核事项"), Cell.label("结论"), Cell.label("说明"))
                        .row(Cell.text("${意见.联审单位}"), Cell.text("${意见.审核事项}"), Cell.centred("${意见.结论}"),
                                Cell.text("${意见.说明}")))
                .signature("${发文机关}", "${落款日期}");
    }
}
