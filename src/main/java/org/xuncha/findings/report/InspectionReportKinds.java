package org.xuncha.findings.report;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.documents.DocumentContent;
import org.xuncha.documents.DocumentKind;
import org.xuncha.documents.TemplatePlaceholder;

/**
 * Registers the 巡察报告 and the 《巡察发现问题线索报告》 with the documents module: placeholders with what they mean,
 * the built-in templates in 党政机关公文格式 (written by the test-side {@code InspectionReportTemplateWriter}) and a
 * fictional report of 清江市委第三巡察组 for the preview. The leads are a repeated table row ({@code ${线索.序号}},
 * {@code ${线索.标题}}, {@code ${线索.涉及人数}}): the leads report names no involved person.
 */
@Configuration(proxyBeanMethods = false)
class InspectionReportKinds {

    static final String REPORT_TEMPLATE = "templates/documents/inspection-report.docx";
    static final String LEADS_TEMPLATE = "templates/documents/inspection-leads-report.docx";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    static final Map<String, String> REPORT_MEANINGS = new LinkedHashMap<>();
    static final List<String> REPORT_REQUIRED = List.of("巡察组", "总体评价", "主要问题", "意见建议");
    static final Map<String, String> LEADS_MEANINGS = new LinkedHashMap<>();
    static final List<String> LEADS_REQUIRED = List.of("巡察组", "线索.标题");

    static {
        REPORT_MEANINGS.put("巡察组", "巡察组名称，如 清江市委第三巡察组");
        REPORT_MEANINGS.put("基本情况", "巡察工作基本情况：个别谈话人次、问卷份数、走访、调阅资料、受理和办结信访、发现问题、问题线索、立行立改的数字");
        REPORT_MEANINGS.put("总体评价", "总体评价");
        REPORT_MEANINGS.put("主要问题", "主要问题：按问题标题体系的一级标题分组，每个问题含现象描述、定性分析、责任指向");
        REPORT_MEANINGS.put("意见建议", "意见建议");
        REPORT_MEANINGS.put("状态", "报告当前审批环节及版本，如 已审定（第2版）");
        REPORT_MEANINGS.put("落款日期", "成文日期，如 2026年4月20日");
        LEADS_MEANINGS.put("巡察组", "巡察组名称，如 清江市委第三巡察组");
        LEADS_MEANINGS.put("线索情况", "问题线索的件数、涉及人数和适时报告的件数");
        LEADS_MEANINGS.put("线索.序号", "问题线索的序号，每件一行");
        LEADS_MEANINGS.put("线索.标题", "问题线索的标题及涉嫌违反的纪律");
        LEADS_MEANINGS.put("线索.涉及人数", "问题线索涉及的人数（不列姓名）");
        LEADS_MEANINGS.put("落款日期", "成文日期，如 2026年4月20日");
    }

    static final DocumentKind REPORT = new DocumentKind("INSPECTION_REPORT", "巡察报告", REPORT_TEMPLATE,
            placeholders(REPORT_MEANINGS, REPORT_REQUIRED), reportSample());
    static final DocumentKind LEADS = new DocumentKind("INSPECTION_LEADS_REPORT", "巡察发现问题线索报告",
            LEADS_TEMPLATE, placeholders(LEADS_MEANINGS, LEADS_REQUIRED), leadsSample());

    @Bean
    DocumentKind inspectionReport() {
        return REPORT;
    }

    @Bean
    DocumentKind inspectionLeadsReport() {
        return LEADS;
    }

    static List<TemplatePlaceholder> placeholders(Map<String, String> meanings, List<String> required) {
        List<TemplatePlaceholder> list = new ArrayList<>();
        meanings.forEach((name, meaning) -> list.add(new TemplatePlaceholder(name, meaning, required.contains(name))));
        return list;
    }

    static DocumentContent reportSample() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("巡察组", "清江市委第三巡察组");
        t.put("基本情况", "巡察期间，个别谈话86人次，发放问卷120份，走访12次，调阅资料35次，受理信访举报23件、办结18件；"
                + "发现问题14个，问题线索3件涉及5人，立行立改4个。");
        t.put("总体评价", "清江市水利局党组能够贯彻落实党中央决策部署，但全面从严治党主体责任落实不够到位。");
        t.put("主要问题", "一、贯彻落实党的理论和路线方针政策不到位\n1. 2025年超标准公务接待12次。\n定性分析：违反中央八项规定精神。\n"
                + "责任指向：主体责任：局党组落实主体责任不力");
        t.put("意见建议", "一是强化政治担当；二是严格执行中央八项规定精神；三是抓好巡察整改。");
        t.put("状态", "已审定（第2版）");
        t.put("落款日期", "2026年4月20日");
        return new DocumentContent(t, Map.of(), Map.of());
    }

    static DocumentContent leadsSample() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("巡察组", "清江市委第三巡察组");
        t.put("线索情况", "巡察期间发现问题线索2件，涉及3人，其中适时报告1件。");
        t.put("落款日期", "2026年4月20日");
        return new DocumentContent(t, Map.of(), Map.of("线索", List.of(
                Map.of("序号", "1", "标题", "某科长违规收受礼金（廉洁纪律）", "涉及人数", "1人"),
                Map.of("序号", "2", "标题", "工程项目围标串标（廉洁纪律）", "涉及人数", "2人"))));
    }
}
