package org.xuncha.referral;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * 监督执纪"四种形态", the class of a person's result (not of a lead). The platform's rule, one source for pages and
 * figures ({@link #of}, and the same mapping in SQL by {@link #sqlOrdinal}):
 * <ol>
 * <li>第一种形态: a {@link FirstFormMeasure} (谈话提醒、批评教育、责令检查) or 组织处理 诫勉;</li>
 * <li>第二种形态: 党纪 警告/严重警告, 政务 警告/记过/记大过, 组织处理 调整职务/责令辞职/免职/降职;</li>
 * <li>第三种形态: 党纪 撤销党内职务/留党察看/开除党籍, 政务 降级/撤职/开除 (重大职务调整);</li>
 * <li>第四种形态: 移送司法机关 (严重违纪涉嫌犯罪追究刑事责任).</li>
 * </ol>
 * A person is counted once, in the heaviest form of their current (uncorrected) events; a person with none of these
 * events (only 立案, 留置, a handling way) is in no form. 留置 is a measure of investigation, not a result.
 */
public enum Form {
    FIRST("第一种形态"),
    SECOND("第二种形态"),
    THIRD("第三种形态"),
    FOURTH("第四种形态");

    private final String label;

    Form(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The form one event puts its person in, or empty (a handling way, 立案, 留置, 结案, money, a retraction). */
    public static Optional<Form> of(OutcomeKind kind, OutcomeCode code) {
        if (kind == OutcomeKind.JUDICIAL_REFERRAL) {
            return Optional.of(FOURTH);
        }
        if (kind.codes().isEmpty() || code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(code.form());
    }

    /** The heaviest of some forms (a person's current events), or empty when none. */
    public static Optional<Form> heaviest(Collection<Form> forms) {
        return forms.stream().filter(f -> f != null).max(Enum::compareTo);
    }

    /**
     * The same rule in SQL: a CASE giving the form's ordinal (0 = first … 3 = fourth) of an event from its
     * {@code kind} and {@code code} columns, NULL when it classifies nobody; built from the enums, so the rule has
     * one source.
     */
    public static String sqlOrdinal(String kind, String code) {
        List<String> whens = new ArrayList<>();
        whens.add("WHEN " + kind + " = '" + OutcomeKind.JUDICIAL_REFERRAL.name() + "' THEN " + FOURTH.ordinal());
        for (OutcomeKind k : OutcomeKind.values()) {
            for (OutcomeCode c : k.codes()) {
                if (c.form() != null) {
                    whens.add("WHEN " + kind + " = '" + k.name() + "' AND " + code + " = '" + c.name() + "' THEN "
                            + c.form().ordinal());
                }
            }
        }
        return "(CASE " + String.join(" ", whens) + " ELSE NULL END)";
    }
}
