package org.xuncha.referral;

/**
 * 问题线索的四类处置方式 (监督执纪工作规则): how the receiver disposes of a lead. Not to be confused with the 四种形态,
 * which classify persons ({@link Form}).
 *
 * <p>What each does to the item (the rule of {@code referral.outcome}): 谈话函询 and 初步核实 start the handling
 * (已签收 → 办理中); 暂存待查 keeps the lead for later and leaves the item 办理中 (handled, not 办结: it may come back);
 * 予以了结 closes the lead without a case (→ 已办结 on its date) and is refused while the item has a standing 立案,
 * which ends only by 结案.
 */
public enum HandlingWay implements OutcomeCode {
    TALK_INQUIRY("谈话函询"),
    PRELIMINARY_CHECK("初步核实"),
    SHELVED("暂存待查"),
    CONCLUDED("予以了结");

    private final String label;

    HandlingWay(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** A handling way classifies nobody. */
    @Override
    public Form form() {
        return null;
    }

    /** Whether this way closes the item (予以了结 only). */
    public boolean closes() {
        return this == CONCLUDED;
    }
}
