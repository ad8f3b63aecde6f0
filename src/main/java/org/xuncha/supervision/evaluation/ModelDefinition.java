package org.xuncha.supervision.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.xuncha.platform.web.UserInputException;
import org.xuncha.supervision.EvaluationConsequence;

/**
 * The content of one model version: its indicators (max score = weight) with their 扣分细则, its 一票否决 and its grade
 * bands with their consequences. {@link #checkDraft} is what any saved draft satisfies; {@link #checkPublishable}
 * adds what a published version must satisfy (weights summing to exactly 100, bands covering 0–100). The arithmetic
 * of a sheet is here too, so that it is the model's and can be checked on hand-computed sheets.
 */
record ModelDefinition(String name, List<Indicator> indicators, List<Veto> vetoes, List<Band> bands) {

    static final BigDecimal HUNDRED = new BigDecimal("100.00");
    static final int MAX_INDICATORS = 50;

    ModelDefinition {
        name = name == null ? "" : name.strip();
        indicators = List.copyOf(indicators);
        vetoes = List.copyOf(vetoes);
        bands = List.copyOf(bands);
    }

    record Rule(String description, BigDecimal points) {
    }

    /** {@code source} null: scored by the group; {@code perUnit} the deduction per count (count sources). */
    record Indicator(String name, BigDecimal weight, IndicatorSource source, BigDecimal perUnit, List<Rule> rules) {

        Indicator {
            rules = List.copyOf(rules);
        }

        public boolean automatic() {
            return source != null;
        }
    }

    record Veto(IndicatorSource source, int threshold, String description) {

        boolean applies(Figures f) {
            return source.count(f) >= threshold;
        }
    }

    record Band(String name, BigDecimal lowerBound, Set<EvaluationConsequence> consequences) {

        Band {
            consequences = consequences.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(consequences));
        }

        /** The consequences in the enum's order, for pages and records. */
        public List<EvaluationConsequence> ordered() {
            return consequences.stream().sorted().toList();
        }
    }

    void checkDraft() {
        if (name.isEmpty()) {
            throw new UserInputException("请填写模型名称");
        }
        if (name.length() > 100) {
            throw new UserInputException("模型名称最多 100 字");
        }
        if (indicators.size() > MAX_INDICATORS) {
            throw new UserInputException("指标最多 " + MAX_INDICATORS + " 项");
        }
        Set<String> names = new HashSet<>();
        for (Indicator i : indicators) {
            if (i.name() == null || i.name().isBlank() || i.name().length() > 100) {
                throw new UserInputException("每项指标须有名称（最多 100 字）");
            }
            if (!names.add(i.name())) {
                throw new UserInputException("指标“" + i.name() + "”重复");
            }
            if (i.weight() == null || i.weight().signum() <= 0 || i.weight().compareTo(HUNDRED) > 0
                    || i.weight().scale() > 2) {
                throw new UserInputException("指标“" + i.name() + "”的权重须大于 0、不超过 100，最多两位小数");
            }
            if (i.source() != null && !i.source().rate()) {
                if (i.perUnit() == null || i.perUnit().signum() <= 0 || i.perUnit().scale() > 2) {
                    throw new UserInputException("指标“" + i.name() + "”按" + i.source().label()
                            + "扣分，须填写每项扣分（大于 0）");
                }
            }
            for (Rule r : i.rules()) {
                if (r.description() == null || r.description().isBlank() || r.description().length() > 300) {
                    throw new UserInputException("指标“" + i.name() + "”的扣分细则须有说明（最多 300 字）");
                }
                if (r.points() == null || r.points().signum() <= 0 || r.points().compareTo(i.weight()) > 0
                        || r.points().scale() > 2) {
                    throw new UserInputException("指标“" + i.name() + "”的扣分细则“" + r.description()
                            + "”分值须大于 0 且不超过该指标满分 " + i.weight().toPlainString());
                }
            }
        }
        for (Veto v : vetoes) {
            if (v.source() == null || v.source().rate()) {
                throw new UserInputException("一票否决须依据红牌数或超期事项数");
            }
            if (v.threshold() < 1) {
                throw new UserInputException("一票否决的阈值须至少为 1");
            }
            if (v.description() == null || v.description().isBlank() || v.description().length() > 300) {
                throw new UserInputException("一票否决须写明说明（最多 300 字）");
            }
        }
        Set<String> bandNames = new HashSet<>();
        Set<BigDecimal> bounds = new HashSet<>();
        for (Band b : bands) {
            if (b.name() == null || b.name().isBlank() || b.name().length() > 20) {
                throw new UserInputException("每个等级须有名称（最多 20 字）");
            }
            if (!bandNames.add(b.name())) {
                throw new UserInputException("等级“" + b.name() + "”重复");
            }
            if (b.lowerBound() == null || b.lowerBound().signum() < 0 || b.lowerBound().compareTo(HUNDRED) > 0
                    || b.lowerBound().scale() > 2) {
                throw new UserInputException("等级“" + b.name() + "”的下限须在 0 到 100 之间，最多两位小数");
            }
            if (!bounds.add(b.lowerBound().stripTrailingZeros())) {
                throw new UserInputException("两个等级的下限相同（" + b.lowerBound().toPlainString() + "）");
            }
        }
    }

    /** What publishing requires beyond a valid draft. */
    void checkPublishable() {
        checkDraft();
        if (indicators.isEmpty()) {
            throw new UserInputException("模型至少须有一项指标");
        }
        BigDecimal sum = weightSum();
        if (sum.compareTo(HUNDRED) != 0) {
            throw new UserInputException("各项指标权重合计为 " + sum.stripTrailingZeros().toPlainString()
                    + " 分，须恰好为 100 分");
        }
        if (bands.size() < 2) {
            throw new UserInputException("至少须设两个等级");
        }
        BigDecimal lowest = lowestBand().lowerBound();
        if (lowest.signum() != 0) {
            throw new UserInputException("等级须覆盖 0–100 分而无空档：最低等级“" + lowestBand().name() + "”的下限为 "
                    + lowest.stripTrailingZeros().toPlainString() + "，应为 0");
        }
    }

    public BigDecimal weightSum() {
        return indicators.stream().map(Indicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The bands from the highest lower bound down. */
    public List<Band> bandsDescending() {
        List<Band> sorted = new ArrayList<>(bands);
        sorted.sort(Comparator.comparing(Band::lowerBound).reversed());
        return sorted;
    }

    Band lowestBand() {
        return bands.stream().min(Comparator.comparing(Band::lowerBound)).orElseThrow();
    }

    /** The first veto that applies to the figures, if any. */
    Optional<Veto> veto(Figures f) {
        return vetoes.stream().filter(v -> v.applies(f)).findFirst();
    }

    /** The grade of a total: the band whose lower bound the total reaches (a lower bound belongs to its band). */
    Band grade(BigDecimal total, boolean vetoed) {
        if (vetoed) {
            return lowestBand();
        }
        for (Band b : bandsDescending()) {
            if (total.compareTo(b.lowerBound()) >= 0) {
                return b;
            }
        }
        return lowestBand();
    }

    /** A score given to an indicator must lie within 0 and its weight. */
    static void checkScore(Indicator i, BigDecimal score) {
        if (score == null) {
            throw new UserInputException("请填写指标“" + i.name() + "”的得分");
        }
        if (score.scale() > 2) {
            throw new UserInputException("得分最多两位小数");
        }
        if (score.signum() < 0 || score.compareTo(i.weight()) > 0) {
            throw new UserInputException("指标“" + i.name() + "”的得分须在 0 到 " + i.weight().stripTrailingZeros()
                    .toPlainString() + " 分之间（填写的是 " + score.toPlainString() + "）");
        }
    }

    /** The total of a sheet's scores (all present). */
    static BigDecimal total(List<BigDecimal> scores) {
        return scores.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
