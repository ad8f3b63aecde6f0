package org.xuncha.referral;

import org.xuncha.common.Role;
import org.xuncha.findings.DisciplineTag;

/**
 * Who receives a transfer (2017 条例 Art. 28): the discipline commission (纪委监委, its case management or petition
 * office) for leading cadres' violations and 作风 problems, the organization department (组织部) for 民主集中制 and
 * 选人用人 problems, another department for problems in its line. Each kind is read by the accounts of one role of
 * the receiving body; a DEPARTMENT receiver is named (the COLLABORATOR account's department).
 */
public enum ReceiverKind {
    DISCIPLINE("纪委监委", Role.DISCIPLINE),
    ORG_DEPT("组织部", Role.ORG_DEPT),
    DEPARTMENT("其他部门", Role.COLLABORATOR);

    private final String label;
    private final Role role;

    ReceiverKind(String label, Role role) {
        this.label = label;
        this.role = role;
    }

    public String label() {
        return label;
    }

    /** The role whose accounts of the receiving body read and answer what was transferred to this kind. */
    public Role role() {
        return role;
    }

    /**
     * The receiver the platform suggests for a lead's suspected violation; the office decides. 组织纪律 covers
     * 民主集中制 and 选人用人 (组织部); everything else, 涉嫌违法 included (null tag), goes to the 纪委监委.
     */
    public static ReceiverKind suggestedFor(DisciplineTag tag) {
        return tag == DisciplineTag.ORGANIZATIONAL ? ORG_DEPT : DISCIPLINE;
    }
}
