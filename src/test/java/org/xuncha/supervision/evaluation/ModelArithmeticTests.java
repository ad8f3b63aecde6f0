package org.xuncha.supervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.supervision.EvaluationConsequence;

/**
 * The model's arithmetic on hand-computed sheets (the expected numbers are worked out by hand in the comments, not
 * by the code under test), the veto, the grade bands at their edges, and what publishing and scoring refuse.
 */
@Tag("pure")
class ModelArithmeticTests {

    static BigDecimal p(String s) {
        return new BigDecimal(s).setScale(2);
    }

    static ModelDefinition fufeng() {
        return ModelTemplates.FUFENG.definition();
    }

    static ModelDefinition.Indicator indicator(ModelDefinition d, String name) {
        return d.indicators().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theFufengSheetAddsUpByHand() {
        ModelDefinition d = fufeng();
        d.checkPublishable();
        // Figures: 20 problems fed back, 17 done; 12 items due, 9 on time; 2 confirmed red cards.
        Figures f = new Figures(20, 17, 12, 9, 2);
        // 整改任务完成 (60, 整改率): 60 × 17 / 20 = 51.00
        ModelDefinition.Indicator task = indicator(d, "整改任务完成");
        assertThat(task.source().score(task.weight(), task.perUnit(), f)).isEqualByComparingTo("51.00");
        assertThat(task.source().basis(f)).isEqualTo("整改率 17/20");
        // The group: 组织领导 13 (−2), 责任落实 15, 群众满意度 7.5 (−2.5).
        // Total by hand: 13 + 15 + 51 + 7.5 = 86.50 → 较好 (80 ≤ 86.5 < 90); 2 red cards < 5: no veto.
        Evaluations.Result r = Evaluations.result(d, List.of(p("13"), p("15"), p("51"), p("7.5")), f);
        assertThat(r.total()).isEqualByComparingTo("86.50");
        assertThat(r.veto()).isEmpty();
        assertThat(r.grade().name()).isEqualTo("较好");
        assertThat(r.grade().consequences()).isEmpty();
    }

    @Test
    void theEshanSheetFillsRatesAndRedCardDeductionsByHand() {
        ModelDefinition d = ModelTemplates.ESHAN.definition();
        d.checkPublishable();
        // 8 problems, 5 done; 7 items due, 4 on time; 3 confirmed red cards.
        Figures f = new Figures(8, 5, 7, 4, 3);
        // 整改率 (30): 30 × 5 / 8 = 18.75
        ModelDefinition.Indicator rate = indicator(d, "整改率");
        assertThat(rate.source().score(rate.weight(), rate.perUnit(), f)).isEqualByComparingTo("18.75");
        // 按期报结率 (20): 20 × 4 / 7 = 11.428… → 11.43 (half up)
        ModelDefinition.Indicator onTime = indicator(d, "按期报结率");
        assertThat(onTime.source().score(onTime.weight(), onTime.perUnit(), f)).isEqualByComparingTo("11.43");
        // 虚假整改 (10, 2 per card): 10 − 2 × 3 = 4.00
        ModelDefinition.Indicator cards = indicator(d, "虚假整改");
        assertThat(cards.source().score(cards.weight(), cards.perUnit(), f)).isEqualByComparingTo("4.00");
        // six cards would deduct 12 > 10: floored at 0
        assertThat(cards.source().score(cards.weight(), cards.perUnit(), new Figures(8, 5, 7, 4, 6)))
                .isEqualByComparingTo("0.00");
        // The group: 看责任落实 12, 看问题整改 14, 四测评 8.
        // Total by hand: 12 + 14 + 18.75 + 11.43 + 4 + 8 = 68.18 → 基本合格 (60 ≤ 68.18 < 75) → 约谈 + 回头看
        Evaluations.Result r = Evaluations.result(d, List.of(p("12"), p("14"), p("18.75"), p("11.43"), p("4"),
                p("8")), f);
        assertThat(r.total()).isEqualByComparingTo("68.18");
        assertThat(r.grade().name()).isEqualTo("基本合格");
        assertThat(r.grade().ordered()).containsExactly(EvaluationConsequence.TALK_WITH_PRINCIPAL,
                EvaluationConsequence.LOOK_BACK);
    }

    @Test
    void overdueItemsAreTheDueOnesNotOnTime() {
        // 12 due, 9 on time → 3 overdue; 2 points each from 10: 10 − 6 = 4.00
        Figures f = new Figures(20, 17, 12, 9, 0);
        assertThat(f.overdue()).isEqualTo(3);
        assertThat(IndicatorSource.OVERDUE_ITEMS.score(p("10"), p("2"), f)).isEqualByComparingTo("4.00");
    }

    @Test
    void aRateWithNothingToCountFillsNothing() {
        // no item due yet: the 按期报结率 is "—", left to the group rather than 0 or full marks
        assertThat(IndicatorSource.ON_TIME_RATE.score(p("20"), null, new Figures(3, 0, 0, 0, 0))).isNull();
    }

    @Test
    void fiveConfirmedRedCardsVetoToTheLowestGradeWhateverTheTotal() {
        ModelDefinition d = fufeng();
        // 5 cards reach the threshold 5: the veto applies; a total of 95.00 would be 好, the veto makes it 差
        Figures five = new Figures(20, 20, 12, 12, 5);
        Evaluations.Result r = Evaluations.result(d, List.of(p("15"), p("15"), p("60"), p("5")), five);
        assertThat(r.total()).isEqualByComparingTo("95.00");
        assertThat(r.veto()).isPresent();
        assertThat(r.grade().name()).isEqualTo("差");
        assertThat(r.grade().ordered()).contains(EvaluationConsequence.INTEGRITY_VETO,
                EvaluationConsequence.TALK_WITH_PRINCIPAL);
        // 4 cards stay below it: 95.00 → 好
        Evaluations.Result four = Evaluations.result(d, List.of(p("15"), p("15"), p("60"), p("5")),
                new Figures(20, 20, 12, 12, 4));
        assertThat(four.veto()).isEmpty();
        assertThat(four.grade().name()).isEqualTo("好");
    }

    @ParameterizedTest
    @CsvSource({"89.99,较好", "90.00,好", "90.01,好", "79.99,一般", "80.00,较好", "59.99,差", "60.00,一般",
            "0.00,差", "100.00,好"})
    void aLowerBoundBelongsToItsBand(String total, String grade) {
        assertThat(fufeng().grade(new BigDecimal(total), false).name()).isEqualTo(grade);
    }

    @Test
    void weightsNotSummingToAHundredAreRefusedNamingTheSum() {
        ModelDefinition d = fufeng();
        ModelDefinition short5 = new ModelDefinition(d.name(), List.of(d.indicators().get(0), d.indicators().get(1),
                d.indicators().get(2), new ModelDefinition.Indicator("群众满意度", p("5"), null, null, List.of())),
                d.vetoes(), d.bands());
        short5.checkDraft();
        assertThatThrownBy(short5::checkPublishable).isInstanceOf(UserInputException.class)
                .hasMessage("各项指标权重合计为 95 分，须恰好为 100 分");
        ModelDefinition over = new ModelDefinition(d.name(), List.of(d.indicators().get(0), d.indicators().get(1),
                d.indicators().get(2), new ModelDefinition.Indicator("群众满意度", p("10.5"), null, null, List.of())),
                d.vetoes(), d.bands());
        assertThatThrownBy(over::checkPublishable).hasMessage("各项指标权重合计为 100.5 分，须恰好为 100 分");
    }

    @Test
    void bandsMustCoverFromZeroWithoutGapsAndTwice() {
        ModelDefinition d = fufeng();
        ModelDefinition gap = new ModelDefinition(d.name(), d.indicators(), d.vetoes(), List.of(
                new ModelDefinition.Band("好", p("90"), EnumSet.noneOf(EvaluationConsequence.class)),
                new ModelDefinition.Band("一般", p("60"), EnumSet.noneOf(EvaluationConsequence.class))));
        assertThatThrownBy(gap::checkPublishable).isInstanceOf(UserInputException.class)
                .hasMessageContaining("最低等级“一般”的下限为 60，应为 0");
        ModelDefinition twice = new ModelDefinition(d.name(), d.indicators(), d.vetoes(), List.of(
                new ModelDefinition.Band("好", p("60"), EnumSet.noneOf(EvaluationConsequence.class)),
                new ModelDefinition.Band("一般", p("60"), EnumSet.noneOf(EvaluationConsequence.class)),
                new ModelDefinition.Band("差", p("0"), EnumSet.noneOf(EvaluationConsequence.class))));
        assertThatThrownBy(twice::checkDraft).hasMessageContaining("下限相同");
    }

    @ParameterizedTest
    @CsvSource({"-0.01", "15.01", "16", "-1"})
    void aScoreOutsideZeroToMaxIsRefused(String score) {
        ModelDefinition.Indicator i = indicator(fufeng(), "组织领导");
        assertThatThrownBy(() -> ModelDefinition.checkScore(i, new BigDecimal(score)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("须在 0 到 15 分之间");
    }

    @ParameterizedTest
    @CsvSource({"0", "15", "7.5", "14.99"})
    void aScoreWithinZeroToMaxIsAccepted(String score) {
        ModelDefinition.checkScore(indicator(fufeng(), "组织领导"), new BigDecimal(score));
    }

    @Test
    void theFormReadsBackWhatItWrites() {
        ModelDefinition d = ModelTemplates.ESHAN.definition();
        ModelDefinition again = ModelForm.of(d).definition();
        assertThat(again.indicators()).isEqualTo(d.indicators());
        assertThat(again.vetoes()).isEqualTo(d.vetoes());
        assertThat(again.bandsDescending()).isEqualTo(d.bandsDescending());
    }

    @Test
    void theFormRefusesWhatItCannotRead() {
        assertThatThrownBy(() -> new ModelForm("模型", "组织领导 | 十五 | |", "", "", "").definition())
                .hasMessageContaining("权重须为数字");
        assertThatThrownBy(() -> new ModelForm("模型", "组织领导 | 15 | 满意度 |", "", "", "").definition())
                .hasMessageContaining("数据来源“满意度”无法识别");
        assertThatThrownBy(() -> new ModelForm("模型", "", "", "", "好 | 90 | 表扬").definition())
                .hasMessageContaining("后果“表扬”无法识别");
        assertThatThrownBy(() -> new ModelForm("模型", "红牌 | 10 | 红牌数 |", "", "", "").definition().checkDraft())
                .hasMessageContaining("须填写每项扣分");
    }
}
