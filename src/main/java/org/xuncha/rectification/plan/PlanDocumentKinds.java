package org.xuncha.rectification.plan;

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
 * Registers the two documents of 整改方案 with the documents module, each with its placeholders, its built-in template
 * in 党政机关公文格式 (written by the test-side {@code PlanTemplateWriter}) and a fictional sample for the preview:
 * the 整改方案 itself with its three lists as tables (问题清单 {@code ${问题.…}}, 任务清单 {@code ${任务.…}}, 责任清单
 * {@code ${责任.…}}, one repeated row each) and the 主要负责人's signature; and the joint review's written reply
 * (审核意见) with each participant's answers to the four questions ({@code ${意见.…}}) and the office's decision.
 */
@Configuration(proxyBeanMethods = false)
class PlanDocumentKinds {

    static final String PLAN_TEMPLATE = "templates/documents/rectification-plan.docx";
    static final String REVIEW_TEMPLATE = "templates/documents/rectification-plan-review.docx";

    static final Map<String, String> PLAN_MEANINGS = new LinkedHashMap<>();
    static final List<String> PLAN_REQUIRED = List.of("单位", "问题.内容", "任务.整改措施", "责任.责任领导");
    static final Map<String, String> REVIEW_MEANINGS = new LinkedHashMap<>();
    static final List<String> REVIEW_REQUIRED = List.of("单位", "审核结论");

    static {
        PLAN_MEANINGS.put("标题", "方案标题，如 中共甲县水务局党组关于落实县委第三巡察组反馈意见的整改方案");
        PLAN_MEANINGS.put("单位", "被巡察单位");
        PLAN_MEANINGS.put("巡察组", "反馈的巡察组");
        PLAN_MEANINGS.put("反馈日期", "反馈意见送达日期");
        PLAN_MEANINGS.put("报送期限", "整改方案报送期限");
        PLAN_MEANINGS.put("问题数", "反馈问题数");
        PLAN_MEANINGS.put("事项数", "整改事项数");
        PLAN_MEANINGS.put("签字人", "主要负责人姓名（签字背书）");
        PLAN_MEANINGS.put("签字人职务", "签字人职务");
        PLAN_MEANINGS.put("签字日期", "签字日期");
        PLAN_MEANINGS.put("问题.序号", "问题清单：序号");
        PLAN_MEANINGS.put("问题.类别", "问题清单：反馈意见中的问题类别");
        PLAN_MEANINGS.put("问题.内容", "问题清单：反馈的问题");
        PLAN_MEANINGS.put("任务.序号", "任务清单：整改事项序号");
        PLAN_MEANINGS.put("任务.问题序号", "任务清单：所回应的问题序号");
        PLAN_MEANINGS.put("任务.整改目标", "任务清单：整改目标");
        PLAN_MEANINGS.put("任务.整改措施", "任务清单：整改措施");
        PLAN_MEANINGS.put("任务.完成时限", "任务清单：完成时限（如 2026.6.30）");
        PLAN_MEANINGS.put("任务.长效机制", "任务清单：长效机制（未填写时为空）");
        PLAN_MEANINGS.put("责任.序号", "责任清单：整改事项序号");
        PLAN_MEANINGS.put("责任.问题序号", "责任清单：所回应的问题序号");
        PLAN_MEANINGS.put("责任.责任领导", "责任清单：责任领导");
        PLAN_MEANINGS.put("责任.责任部门", "责任清单：责任部门");
        PLAN_MEANINGS.put("责任.具体经办人", "责任清单：具体经办人");
        PLAN_MEANINGS.put("责任.完成时限", "责任清单：完成时限");

        REVIEW_MEANINGS.put("发文机关", "审核的巡察机构，如 中共甲县县委巡察工作领导小组办公室");
        REVIEW_MEANINGS.put("单位", "被巡察单位（主送）");
        REVIEW_MEANINGS.put("标题", "标题，如 关于甲县水务局党组整改方案的审核意见");
        REVIEW_MEANINGS.put("报送日期", "整改方案报送日期");
        REVIEW_MEANINGS.put("审核轮次", "第几次报送");
        REVIEW_MEANINGS.put("审核结论", "审核通过 或 退回修改");
        REVIEW_MEANINGS.put("结论说明", "结论的说明（退回时含退回理由）");
        REVIEW_MEANINGS.put("意见.联审单位", "联审单位：巡察办、纪委监委、组织部、巡察组");
        REVIEW_MEANINGS.put("意见.审核事项", "审核事项：四个审核问题之一，或 其他意见");
        REVIEW_MEANINGS.put("意见.结论", "是 或 否");
        REVIEW_MEANINGS.put("意见.说明", "说明");
        REVIEW_MEANINGS.put("落款日期", "审核决定日期");
    }

    static final DocumentKind PLAN = new DocumentKind("RECTIFICATION_PLAN", "整改方案", PLAN_TEMPLATE,
            placeholders(PLAN_MEANINGS, PLAN_REQUIRED), planSample());
    static final DocumentKind REVIEW = new DocumentKind("RECTIFICATION_PLAN_REVIEW", "整改方案审核意见",
            REVIEW_TEMPLATE, placeholders(REVIEW_MEANINGS, REVIEW_REQUIRED), reviewSample());

    @Bean
    DocumentKind rectificationPlan() {
        return PLAN;
    }

    @Bean
    DocumentKind rectificationPlanReview() {
        return REVIEW;
    }

    static List<TemplatePlaceholder> placeholders(Map<String, String> meanings, List<String> required) {
        List<TemplatePlaceholder> list = new ArrayList<>();
        meanings.forEach((name, meaning) -> list.add(new TemplatePlaceholder(name, meaning, required.contains(name))));
        return list;
    }

    /** A fictional plan, as the preview shows it. */
    static DocumentContent planSample() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("标题", "中共甲县水务局党组关于落实县委第三巡察组反馈意见的整改方案");
        t.put("单位", "中共甲县水务局党组");
        t.put("巡察组", "县委第三巡察组");
        t.put("反馈日期", "2026年5月8日");
        t.put("报送期限", "2026年5月29日");
        t.put("问题数", "2");
        t.put("事项数", "3");
        t.put("签字人", "张某某");
        t.put("签字人职务", "党组书记、局长");
        t.put("签字日期", "2026年5月26日");
        return new DocumentContent(t, Map.of(), Map.of(
                "问题", List.of(
                        Map.of("序号", "1", "类别", "落实全面从严治党责任方面", "内容", "主体责任压得不实，“一岗双责”落实不到位"),
                        Map.of("序号", "2", "类别", "落实组织路线方面", "内容", "干部选拔任用程序不规范")),
                "任务", List.of(
                        Map.of("序号", "1", "问题序号", "1", "整改目标", "压实管党治党责任", "整改措施",
                                "制定党组主体责任清单，每季度专题研究一次", "完成时限", "2026.6.30", "长效机制",
                                "党组落实全面从严治党主体责任清单"),
                        Map.of("序号", "2", "问题序号", "1", "整改目标", "开展警示教育", "整改措施",
                                "召开警示教育大会，通报典型案例", "完成时限", "2026.7.31", "长效机制", ""),
                        Map.of("序号", "3", "问题序号", "2", "整改目标", "规范选人用人", "整改措施",
                                "对照条例逐项自查，完善动议、民主推荐程序", "完成时限", "2026.8.31", "长效机制",
                                "干部选拔任用工作规程")),
                "责任", List.of(
                        Map.of("序号", "1", "问题序号", "1", "责任领导", "张某某", "责任部门", "办公室", "具体经办人",
                                "王某", "完成时限", "2026.6.30"),
                        Map.of("序号", "2", "问题序号", "1", "责任领导", "李某", "责任部门", "机关党委", "具体经办人",
                                "赵某", "完成时限", "2026.7.31"),
                        Map.of("序号", "3", "问题序号", "2", "责任领导", "李某", "责任部门", "人事科", "具体经办人",
                                "钱某", "完成时限", "2026.8.31"))));
    }

    /** A fictional reply of the joint review, as the preview shows it. */
    static DocumentContent reviewSample() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("发文机关", "中共甲县县委巡察工作领导小组办公室");
        t.put("单位", "中共甲县水务局党组");
        t.put("标题", "关于中共甲县水务局党组整改方案的审核意见");
        t.put("报送日期", "2026年5月26日");
        t.put("审核轮次", "1");
        t.put("审核结论", "退回修改");
        t.put("结论说明", "经县委巡察办会同县纪委监委、县委组织部和县委第三巡察组联合审核，你单位整改方案退回修改。理由：整改措施不够具体，请逐条细化后重新报送。");
        t.put("落款日期", "2026年5月28日");
        return new DocumentContent(t, Map.of(), Map.of("意见", List.of(
                Map.of("联审单位", "巡察办", "审核事项", "反馈问题是否一一回应", "结论", "是", "说明", "逐条回应"),
                Map.of("联审单位", "纪委监委", "审核事项", "整改措施是否具有针对性", "结论", "否", "说明", "措施空泛"))));
    }
}
