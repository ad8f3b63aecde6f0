package org.xuncha.supervision.letter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.documents.DocumentContent;
import org.xuncha.documents.DocumentKind;
import org.xuncha.documents.TemplatePlaceholder;
import org.xuncha.supervision.LetterKind;

/**
 * Registers the three supervision letters with the documents module, one kind each so that an office may replace
 * each template on its own: the same placeholders (number, title, addressee, text, the table of items, the answer's
 * due date, issuer and date), built-in templates in 党政机关公文格式 written by the test-side
 * {@code LetterTemplateWriter}, and a fictional sample for the preview.
 */
@Configuration(proxyBeanMethods = false)
class LetterDocumentKinds {

    static final Map<String, String> MEANINGS = new LinkedHashMap<>();
    static final List<String> REQUIRED = List.of("文号", "标题", "主送", "正文");

    static {
        MEANINGS.put("文号", "函件编号，如 清巡督〔2026〕3号");
        MEANINGS.put("标题", "函件标题");
        MEANINGS.put("主送", "被巡察单位（收函单位）");
        MEANINGS.put("正文", "函件正文，每行一段");
        MEANINGS.put("事项.序号", "附表：整改事项序号");
        MEANINGS.put("事项.内容", "附表：反馈问题及整改目标");
        MEANINGS.put("事项.状态", "附表：整改事项当前状态");
        MEANINGS.put("事项.时限", "附表：完成时限");
        MEANINGS.put("事项.情形", "附表：列入函件的情形（逾期、退回、预警、即将到期）");
        MEANINGS.put("答复期限", "书面答复期限（送达后按工作日计算）");
        MEANINGS.put("发文机关", "发函的巡察机构");
        MEANINGS.put("发文日期", "发函日期");
    }

    static final DocumentKind SUPERVISE = kind(LetterKind.SUPERVISE, "templates/documents/supervision-letter-supervise.docx");
    static final DocumentKind REMIND = kind(LetterKind.REMIND, "templates/documents/supervision-letter-remind.docx");
    static final DocumentKind WARN = kind(LetterKind.WARN, "templates/documents/supervision-letter-warn.docx");

    @Bean
    DocumentKind supervisionLetterSupervise() {
        return SUPERVISE;
    }

    @Bean
    DocumentKind supervisionLetterRemind() {
        return REMIND;
    }

    @Bean
    DocumentKind supervisionLetterWarn() {
        return WARN;
    }

    static DocumentKind of(LetterKind kind) {
        return switch (kind) {
            case SUPERVISE -> SUPERVISE;
            case REMIND -> REMIND;
            case WARN -> WARN;
        };
    }

    private static DocumentKind kind(LetterKind kind, String template) {
        return new DocumentKind(kind.documentKind(), kind.label(), template, placeholders(), sample(kind));
    }

    static List<TemplatePlaceholder> placeholders() {
        return TemplatePlaceholder.of(MEANINGS, REQUIRED);
    }

    /** A fictional letter, as the preview shows it. */
    static DocumentContent sample(LetterKind kind) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("文号", "清巡督〔2026〕3号");
        t.put("标题", Letters.title("中共甲县水务局党组", kind));
        t.put("主送", "中共甲县水务局党组");
        t.put("正文", "经对账，你单位巡察整改台账中有1项整改事项需要督促落实（见附表）。\n请于收函后10个工作日内将落实情况书面答复本机构。");
        t.put("答复期限", "2026年6月12日");
        t.put("发文机关", "中共甲县县委巡察工作领导小组办公室");
        t.put("发文日期", "2026年5月29日");
        Map<String, String> row = new LinkedHashMap<>();
        row.put("序号", "1");
        row.put("内容", "财务报销制度执行不严（整改目标：全面清理违规报销）");
        row.put("状态", "整改中");
        row.put("时限", "2026年5月20日");
        row.put("情形", kind == LetterKind.REMIND ? "10天内到期" : kind == LetterKind.WARN ? "红色预警" : "逾期未完成");
        return new DocumentContent(t, Map.of(), Map.of("事项", List.of(row)));
    }
}
