package org.xuncha.rectification.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.documents.DocumentContent;
import org.xuncha.documents.DocumentKind;
import org.xuncha.documents.TemplatePlaceholder;

/**
 * Registers the two reports after the feedback with the documents module, each with its placeholders, its built-in
 * template in 党政机关公文格式 (written by the test-side {@code ReportTemplateWriter}) and a fictional sample for the
 * preview: the 整改情况报告 ({@code RECTIFICATION_REPORT}, signed off by the organization) and the 主要负责人组织落实情况报告
 * ({@code RECTIFICATION_LEADER_REPORT}, in the 主要负责人's own name). The text is the report as drafted, one
 * paragraph per line.
 */
@Configuration(proxyBeanMethods = false)
class ReportDocumentKinds {

    static final String SITUATION_TEMPLATE = "templates/documents/rectification-report.docx";
    static final String LEADER_TEMPLATE = "templates/documents/rectification-leader-report.docx";

    static final Map<String, String> MEANINGS = new LinkedHashMap<>();
    static final List<String> REQUIRED = List.of("标题", "正文", "签字人");

    static {
        MEANINGS.put("标题", "报告标题，如 中共甲县水务局党组关于县委第三巡察组反馈意见整改情况的报告");
        MEANINGS.put("主送", "主送机关：巡察机构，如 中共甲县县委巡察工作领导小组办公室");
        MEANINGS.put("单位", "被巡察单位");
        MEANINGS.put("巡察组", "反馈的巡察组");
        MEANINGS.put("反馈日期", "反馈意见送达日期");
        MEANINGS.put("报送期限", "报告报送期限（反馈后 2 个月，按巡察机构的设置）");
        MEANINGS.put("正文", "报告正文（平台按台账预填整改数据，单位补充撰写），每行一段");
        MEANINGS.put("签字人", "主要负责人姓名（签字）");
        MEANINGS.put("签字人职务", "签字人职务");
        MEANINGS.put("签字日期", "签字日期");
    }

    static final DocumentKind SITUATION = new DocumentKind(RectificationReportKind.SITUATION.documentKind(),
            RectificationReportKind.SITUATION.label(), SITUATION_TEMPLATE, placeholders(),
            sample(RectificationReportKind.SITUATION));
    static final DocumentKind LEADER = new DocumentKind(RectificationReportKind.LEADER.documentKind(),
            RectificationReportKind.LEADER.label(), LEADER_TEMPLATE, placeholders(),
            sample(RectificationReportKind.LEADER));

    @Bean
    DocumentKind rectificationReport() {
        return SITUATION;
    }

    @Bean
    DocumentKind rectificationLeaderReport() {
        return LEADER;
    }

    static DocumentKind of(RectificationReportKind kind) {
        return kind == RectificationReportKind.SITUATION ? SITUATION : LEADER;
    }

    static List<TemplatePlaceholder> placeholders() {
        return TemplatePlaceholder.of(MEANINGS, REQUIRED);
    }

    /** A fictional report, as the preview shows it. */
    static DocumentContent sample(RectificationReportKind kind) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("标题", kind == RectificationReportKind.SITUATION
                ? "中共甲县水务局党组关于县委第三巡察组反馈意见整改情况的报告"
                : "中共甲县水务局党组主要负责人关于组织落实县委第三巡察组反馈意见整改情况的报告");
        t.put("主送", "中共甲县县委巡察工作领导小组办公室");
        t.put("单位", "中共甲县水务局党组");
        t.put("巡察组", "县委第三巡察组");
        t.put("反馈日期", "2026年5月8日");
        t.put("报送期限", "2026年7月8日");
        t.put("正文", "2026年5月8日，县委第三巡察组向我单位反馈了巡察意见。现将整改情况报告如下。\n"
                + "一、整改总体情况\n截至2026年7月6日，反馈问题2个，已完成1个、持续整改1个、未完成0个，整改率50.0%。\n"
                + "二、主要整改措施和成效\n修订财务报销制度，清退违规津贴3.2万元。\n三、下一步打算\n持续巩固整改成果。");
        t.put("签字人", "张某某");
        t.put("签字人职务", "党组书记、局长");
        t.put("签字日期", "2026年7月6日");
        return new DocumentContent(t, Map.of(), Map.of());
    }
}
