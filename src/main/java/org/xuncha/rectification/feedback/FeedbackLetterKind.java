package org.xuncha.rectification.feedback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.documents.DocumentContent;
import org.xuncha.documents.DocumentKind;
import org.xuncha.documents.TemplatePlaceholder;

/**
 * Registers the 反馈意见 with the documents module (kind {@code FEEDBACK_LETTER}): placeholders with what they mean,
 * the built-in template in 党政机关公文格式 (GB/T 9704, written by the test-side {@code FeedbackLetterTemplateWriter})
 * and a fictional letter for the preview. The letter ends with the reporting deadline (报送要求): the dates once
 * delivered, the terms in working days and months before.
 */
@Configuration(proxyBeanMethods = false)
class FeedbackLetterKind {

    static final String TEMPLATE = "templates/documents/feedback-letter.docx";
    static final Map<String, String> MEANINGS = new LinkedHashMap<>();
    static final List<String> REQUIRED = List.of("标题", "反馈问题", "报送要求");

    static {
        MEANINGS.put("标题", "反馈意见标题，如 清江市委第三巡察组关于巡察市水利局党组的反馈意见");
        MEANINGS.put("被巡察单位", "被巡察党组织名称");
        MEANINGS.put("开头", "开头部分：巡察的依据、时间和方式");
        MEANINGS.put("反馈问题", "反馈的问题：按问题标题体系的一级标题分组，每个问题一段，以反馈的表述为准");
        MEANINGS.put("结尾", "结尾部分：整改要求");
        MEANINGS.put("报送要求", "整改方案和整改情况报告的报送期限（已反馈的写明日期）");
        MEANINGS.put("巡察组", "巡察组名称");
        MEANINGS.put("落款日期", "反馈日期（未反馈的为成文日期）");
    }

    static final DocumentKind KIND = new DocumentKind("FEEDBACK_LETTER", "巡察反馈意见", TEMPLATE,
            placeholders(), sample());

    @Bean
    DocumentKind feedbackLetter() {
        return KIND;
    }

    static List<TemplatePlaceholder> placeholders() {
        return TemplatePlaceholder.of(MEANINGS, REQUIRED);
    }

    static DocumentContent sample() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("标题", "清江市委第三巡察组关于巡察市水利局党组的反馈意见");
        t.put("被巡察单位", "清江市水利局党组");
        t.put("开头", "根据市委巡察工作统一部署，清江市委第三巡察组于2026年3月2日至2026年4月30日对清江市水利局党组进行了巡察。"
                + "现将巡察发现的主要问题反馈如下：");
        t.put("反馈问题", "一、贯彻落实党中央决策部署不到位\n1. 2025年超标准公务接待12次。\n"
                + "二、落实全面从严治党不到位\n2. 工程项目验收把关不严。");
        t.put("结尾", "清江市水利局党组要切实履行整改主体责任，对反馈的问题逐条研究，明确整改目标、整改措施、责任领导、责任部门和完成时限。");
        t.put("报送要求", "请于2026年5月29日前报送整改方案，2026年7月8日前报送整改情况报告和主要负责人组织落实情况报告。");
        t.put("巡察组", "清江市委第三巡察组");
        t.put("落款日期", "2026年5月8日");
        return new DocumentContent(t, Map.of(), Map.of());
    }
}
