package org.xuncha.supervision.revisit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The counted answers of one revisit's 满意度测评. Satisfaction rate of a question = (满意 + 基本满意) ÷ answers to it,
 * in per cent with one decimal; the revisit's rate is that of {@link SurveyQuestion#OVERALL}. No answers: no rate
 * (null), never 0 %.
 */
public record SurveyCounts(Map<SurveyQuestion, Map<SurveyChoice, Long>> counts, long answers) {

    public static final String DEFINITION = "满意度 =（满意 + 基本满意）÷ 有效答卷数，按“总体评价”一题计算；无人作答时不计算";

    static SurveyCounts of(Map<SurveyQuestion, Map<SurveyChoice, Long>> counts) {
        long answers = counts.get(SurveyQuestion.OVERALL).values().stream().mapToLong(Long::longValue).sum();
        return new SurveyCounts(Map.copyOf(counts), answers);
    }

    public long count(SurveyQuestion question, SurveyChoice choice) {
        return counts.get(question).get(choice);
    }

    /** The rate of {@code question} in per cent (one decimal, half up), null without answers. */
    public BigDecimal rate(SurveyQuestion question) {
        long total = counts.get(question).values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long satisfied = count(question, SurveyChoice.SATISFIED) + count(question, SurveyChoice.FAIRLY);
        return BigDecimal.valueOf(satisfied * 1000).divide(BigDecimal.valueOf(total), 0, RoundingMode.HALF_UP)
                .movePointLeft(1);
    }

    /** The revisit's satisfaction rate: that of the overall question. */
    public BigDecimal rate() {
        return rate(SurveyQuestion.OVERALL);
    }
}
