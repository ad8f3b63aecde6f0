package org.xuncha.supervision.closure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.documents.DocumentContent;
import org.xuncha.documents.DocumentKind;
import org.xuncha.documents.TemplatePlaceholder;

/**
 * Registers the 报结报告 ({@code INSPECTION_CLOSURE_REPORT}) with the documents module: its placeholders, its built-in
 * template in 党政机关公文格式 (written by the test-side {@code ClosureTemplateWriter}) and a fictional sample. The
 * text is what the platform knows at the time: each organization's figures and each closure condition's standing.
 */
@Configuration(proxyBeanMethods = false)
class ClosureDocumentKinds {

    static final String TEMPLATE = "templates/documents/inspection-closure-report.docx";
    static final Map<String, String> MEANINGS = new LinkedHashMap<>();
    static final List<String> REQUIRED = List.of("标题", "正文");

    static {
        MEANINGS.put("标题", "报告标题，如 关于县委第三巡察组巡察整改工作报结的报告");
        MEANINGS.put("巡察机构", "巡察机构名称");
        MEANINGS.put("巡察组", "巡察组");
        MEANINGS.put("报结条件", "本机构的报结条件及核对结果，每行一条");
        MEANINGS.put("正文", "各被巡察党组织的整改数据，每行一段");
        MEANINGS.put("日期", "成文日期");
    }

    static final DocumentKind KIND = new DocumentKind("INSPECTION_CLOSURE_REPORT", "巡察整改报结报告", TEMPLATE,
            placeholders(), sample());

    @Bean
    DocumentKind inspectionClosureReport() {
        return KIND;
    }

    static List<TemplatePlaceholder> placeholders() {
        return TemplatePlaceholder.of(MEANINGS, REQUIRED);
    }

    static DocumentContent sample() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("标题", "关于县委第三巡察组巡察整改工作报结的报告");
        t.put("巡察机构", "中共甲县县委巡察工作领导小组办公室");
        t.put("巡察组", "县委第三巡察组");
        t.put("报结条件", "整改事项全部销号或按规定结转：已满足\n整改情况报告和主要负责人组织落实情况报告已报送并接收：已满足");
        t.put("正文", "中共甲县水务局党组：反馈问题3个，已完成2个，持续整改1个，未完成0个，整改率66.67%，按期报结率100.00%。");
        t.put("日期", "2026年10月8日");
        return new DocumentContent(t, Map.of(), Map.of());
    }
}
