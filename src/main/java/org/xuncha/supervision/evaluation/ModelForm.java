package org.xuncha.supervision.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.xuncha.platform.web.UserInputException;
import org.xuncha.supervision.EvaluationConsequence;

/**
 * The model page's form: the name and four text areas, one line per entry, fields separated by "|" (or "｜"). It is
 * turned into a {@link ModelDefinition} here, so that the service never sees the form:
 * <pre>
 * 指标：     名称 | 权重 | 数据来源（空、整改率、按期报结率、红牌数、超期事项数） | 每项扣分（红牌数、超期事项数）
 * 扣分细则： 指标名称 | 说明 | 扣分
 * 一票否决： 红牌数或超期事项数 | 阈值（达到即否决） | 说明
 * 等级：     名称 | 下限 | 后果（通报表扬、二次整改、约谈主要负责人、回头看、党风廉政考核一票否决，以顿号分隔，可空）
 * </pre>
 */
record ModelForm(String name, String indicators, String rules, String vetoes, String bands) {

    static final int MAX_TEXT = 20_000;

    static ModelForm of(ModelDefinition d) {
        StringBuilder ind = new StringBuilder();
        StringBuilder rul = new StringBuilder();
        for (ModelDefinition.Indicator i : d.indicators()) {
            ind.append(i.name()).append(" | ").append(plain(i.weight())).append(" | ")
                    .append(i.source() == null ? "" : i.source().label()).append(" | ")
                    .append(i.perUnit() == null ? "" : plain(i.perUnit())).append('\n');
            for (ModelDefinition.Rule r : i.rules()) {
                rul.append(i.name()).append(" | ").append(r.description()).append(" | ").append(plain(r.points()))
                        .append('\n');
            }
        }
        StringBuilder vet = new StringBuilder();
        for (ModelDefinition.Veto v : d.vetoes()) {
            vet.append(v.source().label()).append(" | ").append(v.threshold()).append(" | ").append(v.description())
                    .append('\n');
        }
        StringBuilder ban = new StringBuilder();
        for (ModelDefinition.Band b : d.bandsDescending()) {
            ban.append(b.name()).append(" | ").append(plain(b.lowerBound())).append(" | ")
                    .append(b.ordered().stream().map(EvaluationConsequence::label).collect(Collectors.joining("、")))
                    .append('\n');
        }
        return new ModelForm(d.name(), ind.toString(), rul.toString(), vet.toString(), ban.toString());
    }

    static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    ModelDefinition definition() {
        for (String t : new String[] {indicators, rules, vetoes, bands}) {
            if (t != null && t.length() > MAX_TEXT) {
                throw new UserInputException("内容过长（每栏最多 " + MAX_TEXT + " 字）");
            }
        }
        Map<String, List<ModelDefinition.Rule>> rulesByIndicator = new LinkedHashMap<>();
        int n = 0;
        for (String line : lines(rules)) {
            n++;
            String[] f = fields(line, 3, "扣分细则第 " + n + " 行");
            rulesByIndicator.computeIfAbsent(f[0], k -> new ArrayList<>())
                    .add(new ModelDefinition.Rule(f[1], number(f[2], "扣分细则第 " + n + " 行的扣分")));
        }
        List<ModelDefinition.Indicator> list = new ArrayList<>();
        n = 0;
        for (String line : lines(indicators)) {
            n++;
            String[] f = fields(line, 4, "指标第 " + n + " 行");
            IndicatorSource source = IndicatorSource.parse(f[2]);
            if (!f[2].isEmpty() && source == null) {
                throw new UserInputException("指标第 " + n + " 行的数据来源“" + f[2]
                        + "”无法识别，可填：整改率、按期报结率、红牌数、超期事项数，或留空");
            }
            BigDecimal perUnit = f[3].isEmpty() ? null : number(f[3], "指标第 " + n + " 行的每项扣分");
            list.add(new ModelDefinition.Indicator(f[0], number(f[1], "指标第 " + n + " 行的权重"), source,
                    source == null || source.rate() ? null : perUnit,
                    rulesByIndicator.getOrDefault(f[0], List.of())));
        }
        for (String named : rulesByIndicator.keySet()) {
            if (list.stream().noneMatch(i -> i.name().equals(named))) {
                throw new UserInputException("扣分细则所属的指标“" + named + "”不在指标中");
            }
        }
        List<ModelDefinition.Veto> vetoList = new ArrayList<>();
        n = 0;
        for (String line : lines(vetoes)) {
            n++;
            String[] f = fields(line, 3, "一票否决第 " + n + " 行");
            IndicatorSource source = IndicatorSource.parse(f[0]);
            if (source == null || source.rate()) {
                throw new UserInputException("一票否决第 " + n + " 行须依据红牌数或超期事项数");
            }
            int threshold;
            try {
                threshold = Integer.parseInt(f[1]);
            } catch (NumberFormatException e) {
                throw new UserInputException("一票否决第 " + n + " 行的阈值须为整数");
            }
            vetoList.add(new ModelDefinition.Veto(source, threshold, f[2]));
        }
        List<ModelDefinition.Band> bandList = new ArrayList<>();
        n = 0;
        for (String line : lines(bands)) {
            n++;
            String[] f = fields(line, 3, "等级第 " + n + " 行");
            Set<EvaluationConsequence> consequences = EnumSet.noneOf(EvaluationConsequence.class);
            for (String c : f[2].split("[、,，;；]")) {
                String t = c.strip();
                if (t.isEmpty()) {
                    continue;
                }
                EvaluationConsequence found = null;
                for (EvaluationConsequence e : EvaluationConsequence.values()) {
                    if (e.label().equals(t) || e.name().equals(t)) {
                        found = e;
                    }
                }
                if (found == null) {
                    throw new UserInputException("等级第 " + n + " 行的后果“" + t
                            + "”无法识别，可填：通报表扬、二次整改、约谈主要负责人、回头看、党风廉政考核一票否决");
                }
                consequences.add(found);
            }
            bandList.add(new ModelDefinition.Band(f[0], number(f[1], "等级第 " + n + " 行的下限"), consequences));
        }
        return new ModelDefinition(name, list, vetoList, bandList);
    }

    private static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Exactly {@code count} fields (missing trailing ones are empty; more is refused). */
    private static String[] fields(String line, int count, String where) {
        String[] raw = line.split("[|｜]", -1);
        if (raw.length > count) {
            throw new UserInputException(where + "的栏目过多（应为 " + count + " 栏，以 | 分隔）");
        }
        String[] f = new String[count];
        for (int i = 0; i < count; i++) {
            f[i] = i < raw.length ? raw[i].strip() : "";
        }
        if (f[0].isEmpty()) {
            throw new UserInputException(where + "缺少第一栏");
        }
        return f;
    }

    static BigDecimal number(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new UserInputException("请填写" + what);
        }
        try {
            BigDecimal d = new BigDecimal(text.strip());
            if (d.scale() > 2) {
                throw new UserInputException(what + "最多两位小数");
            }
            return d.setScale(2);
        } catch (NumberFormatException e) {
            throw new UserInputException(what + "须为数字（填写的是“" + text.strip() + "”）");
        }
    }
}
