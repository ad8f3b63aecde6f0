package org.xuncha.supervision;

/**
 * What a grade of the 整改质效评估 sets off (DOMAIN.md: 峨山 基本合格/不合格 → 约谈 + 回头看; 镇安 一般/差 → 二次整改;
 * 江津 差 → 党风廉政考核一票否决). Each becomes an action to take when the office confirms the result, and travels in
 * {@link EvaluationConcluded} to the parts that act on it.
 */
public enum EvaluationConsequence {
    PRAISE("通报表扬"),
    RE_RECTIFICATION("二次整改"),
    TALK_WITH_PRINCIPAL("约谈主要负责人"),
    LOOK_BACK("回头看"),
    INTEGRITY_VETO("党风廉政考核一票否决");

    private final String label;

    EvaluationConsequence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
