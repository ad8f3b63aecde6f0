package org.xuncha.supervision.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.documents.DocumentContent;
import org.xuncha.documents.DocumentKind;
import org.xuncha.documents.TemplatePlaceholder;

/**
 * Registers the 整改质效评估报告 ({@code EVALUATION_REPORT}) of one organization with the documents module: its
 * placeholders, the built-in template in 党政机关公文格式 (written by the test-side {@code EvaluationTemplateWriter})
 * and a fictional sample for the preview. The scores and the measures are one paragraph per line.
 */
@Configuration(proxyBeanMethods = false)
class EvaluationReportKind {

    static final String TEMPLATE = "templates/documents/evaluation-report.docx";
    static final Map<String, String> MEANINGS = new LinkedHashMap<>();
    static final List<String> REQUIRED = List.of("标题", "单位", "总分", "等级");

    static {
        MEANINGS.put("标题", "报告标题，如 关于中共甲县水务局党组巡察整改质效评估情况的报告");
        MEANINGS.put("单位", "被评估单位");
        MEANINGS.put("巡察", "评估的巡察（巡察组及对象）");
        MEANINGS.put("评估模型", "指标模型名称及版本");
        MEANINGS.put("总分", "各项指标得分之和");
        MEANINGS.put("等级", "评定等级");
        MEANINGS.put("一票否决", "是否一票否决及其依据");
        MEANINGS.put("评分明细", "各项指标得分及扣分理由，每行一项");
        MEANINGS.put("后续措施", "等级对应的后续措施，每行一项");
        MEANINGS.put("评估机构", "开展评估的巡察机构");
        MEANINGS.put("确定日期", "巡察办确定评估结果的日期");
    }

    static final DocumentKind KIND = new DocumentKind("EVALUATION_REPORT", "整改质效评估报告", TEMPLATE,
            placeholders(), sample());

    @Bean
    DocumentKind evaluationReport() {
        return KIND;
    }

    static List<TemplatePlaceholder> placeholders() {
        return TemplatePlaceholder.of(MEANINGS, REQUIRED);
    }

    static DocumentContent sample() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("标题", "关于中共甲县水务局党组巡察整改质效评估情况的报告");
        t.put("单位", "中共甲县水务局党组");
        t.put("巡察", "县委第三巡察组（中共甲县水务局党组）");
        t.put("评估模型", "整改质效评估（扶风式）第1版");
        t.put("总分", "86.50");
        t.put("等级", "较好");
        t.put("一票否决", "否");
        t.put("评分明细", "组织领导：13.00分（满分15），扣分理由：专题民主生活会推迟召开\n责任落实：15.00分（满分15）\n"
                + "整改任务完成：51.00分（满分60），整改率 17/20\n群众满意度：7.50分（满分10），扣分理由：满意度测评75%");
        t.put("后续措施", "无");
        t.put("评估机构", "中共甲县县委巡察工作领导小组办公室");
        t.put("确定日期", "2026年9月8日");
        return new DocumentContent(t, Map.of(), Map.of());
    }
}
