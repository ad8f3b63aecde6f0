package org.xuncha.referral;

import java.util.List;
import java.util.Optional;

/**
 * The kinds of outcome event a receiver records on a transferred item (issue 13 §3), each with its Chinese label,
 * whether it names one person of the lead ({@link #personal}: required, optional or never) and the codes it takes.
 *
 * <p>What each does to the item (referral.outcome, docs/architecture.md): the first event moves 已签收 → 办理中;
 * {@link #CASE_CLOSED} (结案) needs a standing {@link #CASE_FILED} (立案) of the same person (or of the item, when the
 * 立案 names nobody) dated on or before it, and the item becomes 已办结 when its last open 立案 is closed;
 * {@link #HANDLING_WAY} 予以了结 closes an item that has no 立案 ({@link HandlingWay}). After 已办结 only corrections are
 * recorded. {@link #RETRACTED} exists only as a correction: it withdraws the event it corrects and records nothing
 * itself.
 */
public enum OutcomeKind {
    HANDLING_WAY("处置方式", Personal.OPTIONAL, List.of(HandlingWay.values())),
    CASE_FILED("立案", Personal.OPTIONAL, List.of()),
    DETENTION("留置", Personal.REQUIRED, List.of()),
    CASE_CLOSED("结案", Personal.OPTIONAL, List.of()),
    PARTY_SANCTION("党纪处分", Personal.REQUIRED, List.of(PartySanction.values())),
    GOVERNMENT_SANCTION("政务处分", Personal.REQUIRED, List.of(GovernmentSanction.values())),
    ORGANIZATIONAL_HANDLING("组织处理", Personal.REQUIRED, List.of(OrganizationalHandling.values())),
    FIRST_FORM_MEASURE("第一种形态措施", Personal.REQUIRED, List.of(FirstFormMeasure.values())),
    JUDICIAL_REFERRAL("移送司法机关", Personal.REQUIRED, List.of()),
    MONEY("追缴资金/挽回损失", Personal.OPTIONAL, List.of()),
    RETRACTED("撤销错误记录", Personal.NEVER, List.of());

    /** Whether an event of a kind names a person of the lead. */
    public enum Personal {
        REQUIRED, OPTIONAL, NEVER
    }

    private final String label;
    private final Personal personal;
    private final List<OutcomeCode> codes;

    OutcomeKind(String label, Personal personal, List<OutcomeCode> codes) {
        this.label = label;
        this.personal = personal;
        this.codes = codes;
    }

    public String label() {
        return label;
    }

    public Personal personal() {
        return personal;
    }

    /** The codes an event of this kind must choose one of; empty when it takes none. */
    public List<OutcomeCode> codes() {
        return codes;
    }

    /** The code of this kind named {@code name}, or empty (a code of another kind, or nonsense). */
    public Optional<OutcomeCode> code(String name) {
        return codes.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The kinds a receiver chooses in the form (all but the correction-only retraction). */
    public static List<OutcomeKind> recordable() {
        return List.of(HANDLING_WAY, CASE_FILED, DETENTION, CASE_CLOSED, PARTY_SANCTION, GOVERNMENT_SANCTION,
                ORGANIZATIONAL_HANDLING, FIRST_FORM_MEASURE, JUDICIAL_REFERRAL, MONEY);
    }
}
