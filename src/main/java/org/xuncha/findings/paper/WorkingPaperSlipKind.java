package org.xuncha.findings.paper;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.documents.DocumentContent;
import org.xuncha.documents.DocumentKind;
import org.xuncha.documents.TemplatePlaceholder;

/**
 * Registers the working paper's approval slip (底稿审批单) with the documents module: its placeholders with what
 * they mean, the built-in template in 党政机关公文格式 (written by the test-side {@code WorkingPaperSlipTemplateWriter})
 * and a fictional paper of 清江市委第三巡察组 for the preview. The evidence list is a repeated table row
 * ({@code ${证据.编号}}, {@code ${证据.说明}}).
 */
@Configuration(proxyBeanMethods = false)
class WorkingPaperSlipKind {

    static final String BUILT_IN = "templates/documents/working-paper-slip.docx";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** Placeholder → meaning, in the order of the template page; the first ones are required of an upload. */
    static final Map<String, String> MEANINGS = new LinkedHashMap<>();
    static final List<String> REQUIRED = List.of("编号", "问题标题", "问题表现", "定性依据", "组务会意见");

    static {
        MEANINGS.put("巡察组", "巡察组名称，如 清江市委第三巡察组");
        MEANINGS.put("编号", "底稿编号，如 [2026]清巡三组-01号");
        MEANINGS.put("问题标题", "问题标题");
        MEANINGS.put("问题表现", "问题表现（事实）");
        MEANINGS.put("定性依据", "定性依据：违反的法规及条款，每条一行");
        MEANINGS.put("问题来源", "问题来源及来源说明，及所关联的来源记录，如 调阅资料（2025年财务凭证）；来源记录：调阅资料 2026-03-05 · 财务凭证");
        MEANINGS.put("证据.编号", "佐证材料的编号（证据1、证据2……），每项一行");
        MEANINGS.put("证据.说明", "佐证材料的说明及附件数");
        MEANINGS.put("主体责任", "责任主体初步分析：主体责任");
        MEANINGS.put("第一责任人", "责任主体初步分析：第一责任人");
        MEANINGS.put("主要领导", "责任主体初步分析：主要领导");
        MEANINGS.put("监督责任", "责任主体初步分析：监督责任");
        MEANINGS.put("违规资金", "涉及违规资金（元或万元）");
        MEANINGS.put("损失金额", "造成损失（元或万元）");
        MEANINGS.put("发现人", "发现人及发现时间");
        MEANINGS.put("撰写人", "撰写人及撰写时间");
        MEANINGS.put("副组长意见", "副组长审核意见、审核人及日期");
        MEANINGS.put("组务会意见", "组务会审核意见");
        MEANINGS.put("组长", "审批的组长姓名（签字处）");
        MEANINGS.put("审批日期", "组长审批日期");
        MEANINGS.put("状态", "底稿当前状态及版本，如 已审定（第2版）");
    }

    static final DocumentKind KIND = new DocumentKind("WORKING_PAPER_SLIP", "底稿审批单", BUILT_IN, placeholders(),
            sample());

    @Bean
    DocumentKind workingPaperSlip() {
        return KIND;
    }

    static List<TemplatePlaceholder> placeholders() {
        return TemplatePlaceholder.of(MEANINGS, REQUIRED);
    }

    /** A fictional approved paper, as the preview shows it. */
    static DocumentContent sample() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("巡察组", "清江市委第三巡察组");
        t.put("编号", "[2026]清巡三组-01号");
        t.put("问题标题", "违规超标准公务接待");
        t.put("问题表现", "2025年，清江市水利局超标准公务接待12次，其中3次安排高档酒水，涉及金额4.86万元。");
        t.put("定性依据", "《党政机关厉行节约反对浪费条例》第十六条\n中央八项规定及其实施细则精神");
        t.put("问题来源", "调阅资料（2025年财务凭证第12-40号）");
        t.put("主体责任", "局党组落实全面从严治党主体责任不到位");
        t.put("第一责任人", "局党组书记履行第一责任人职责不力");
        t.put("主要领导", "分管财务的副局长审核把关不严");
        t.put("监督责任", "派驻纪检监察组日常监督不到位");
        t.put("违规资金", "4.86万元");
        t.put("损失金额", "0.00元");
        t.put("发现人", "赵明（2026年3月10日）");
        t.put("撰写人", "王芳（2026年3月12日）");
        t.put("副组长意见", "事实清楚，同意报组长。陈立 2026年3月13日");
        t.put("组务会意见", "经组务会研究，同意该底稿定性，列入巡察报告。");
        t.put("组长", "林思远");
        t.put("审批日期", LocalDate.of(2026, 3, 15).format(DATE));
        t.put("状态", "已审定（第1版）");
        return new DocumentContent(t, Map.of(), Map.of("证据", List.of(
                Map.of("编号", "证据1", "说明", "2025年公务接待清单（附件1份）"),
                Map.of("编号", "证据2", "说明", "相关报销凭证复印件（附件3份）"))));
    }
}
