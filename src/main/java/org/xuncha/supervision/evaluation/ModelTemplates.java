package org.xuncha.supervision.evaluation;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.xuncha.supervision.EvaluationConsequence;

/**
 * The example models an office may copy into a draft of its own (DOMAIN.md "整改质效评估 examples"): 扶风's
 * 100-point sheet (组织领导 15, 责任落实 15, 整改任务完成 60 filled from the 整改率, 群众满意度 10) with 镇安's and 江津's
 * grades 好 / 较好 / 一般 / 差 and 衡水's veto; and a 峨山-style sheet with the grades 优秀 / 合格 / 基本合格 / 不合格,
 * 基本合格 and 不合格 leading to 约谈 and 回头看. They are starting points, not rules: the copy is the office's to edit.
 */
enum ModelTemplates {
    FUFENG("扶风式（百分制扣分）") {
        @Override
        ModelDefinition definition() {
            return new ModelDefinition("整改质效评估（扶风式）", List.of(
                    manual("组织领导", "15", List.of(rule("未召开专题民主生活会", "5"), rule("未及时研究部署整改工作", "3"))),
                    manual("责任落实", "15", List.of(rule("主要负责人未签字背书", "5"), rule("整改责任未落实到人", "3"))),
                    new ModelDefinition.Indicator("整改任务完成", p("60"), IndicatorSource.RECTIFICATION_RATE, null,
                            List.of()),
                    manual("群众满意度", "10", List.of(rule("满意度测评低于80%", "5")))),
                    List.of(new ModelDefinition.Veto(IndicatorSource.RED_CARDS, 5,
                            "五个及以上整改事项被认定虚假整改（已认定红牌）")),
                    List.of(band("好", "90", EvaluationConsequence.PRAISE),
                            band("较好", "80"),
                            band("一般", "60", EvaluationConsequence.RE_RECTIFICATION),
                            band("差", "0", EvaluationConsequence.RE_RECTIFICATION,
                                    EvaluationConsequence.TALK_WITH_PRINCIPAL, EvaluationConsequence.INTEGRITY_VETO)));
        }
    },
    ESHAN("峨山式（优秀/合格/基本合格/不合格）") {
        @Override
        ModelDefinition definition() {
            return new ModelDefinition("整改质效评估（峨山式）", List.of(
                    manual("看责任落实", "15", List.of(rule("整改方案未经集体研究", "5"))),
                    manual("看问题整改", "15", List.of(rule("整改措施缺乏针对性", "5"))),
                    new ModelDefinition.Indicator("整改率", p("30"), IndicatorSource.RECTIFICATION_RATE, null,
                            List.of()),
                    new ModelDefinition.Indicator("按期报结率", p("20"), IndicatorSource.ON_TIME_RATE, null,
                            List.of()),
                    new ModelDefinition.Indicator("虚假整改", p("10"), IndicatorSource.RED_CARDS, p("2"), List.of()),
                    manual("四测评", "10", List.of(rule("测评满意率低于70%", "5")))),
                    List.of(new ModelDefinition.Veto(IndicatorSource.RED_CARDS, 5,
                            "五个及以上整改事项被认定虚假整改（已认定红牌）")),
                    List.of(band("优秀", "90", EvaluationConsequence.PRAISE),
                            band("合格", "75"),
                            band("基本合格", "60", EvaluationConsequence.TALK_WITH_PRINCIPAL,
                                    EvaluationConsequence.LOOK_BACK),
                            band("不合格", "0", EvaluationConsequence.TALK_WITH_PRINCIPAL,
                                    EvaluationConsequence.LOOK_BACK, EvaluationConsequence.RE_RECTIFICATION)));
        }
    };

    private final String label;

    ModelTemplates(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    abstract ModelDefinition definition();

    static Optional<ModelTemplates> parse(String code) {
        for (ModelTemplates t : values()) {
            if (t.name().equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static BigDecimal p(String s) {
        return new BigDecimal(s).setScale(2);
    }

    private static ModelDefinition.Indicator manual(String name, String weight, List<ModelDefinition.Rule> rules) {
        return new ModelDefinition.Indicator(name, p(weight), null, null, rules);
    }

    private static ModelDefinition.Rule rule(String text, String points) {
        return new ModelDefinition.Rule(text, p(points));
    }

    private static ModelDefinition.Band band(String name, String lower, EvaluationConsequence... consequences) {
        EnumSet<EvaluationConsequence> set = EnumSet.noneOf(EvaluationConsequence.class);
        set.addAll(List.of(consequences));
        return new ModelDefinition.Band(name, p(lower), set);
    }
}
