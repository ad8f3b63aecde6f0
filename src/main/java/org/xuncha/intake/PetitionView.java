package org.xuncha.intake;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A petition as staff see it in the register and on its page. The reporter's identity is not part of it: only
 * whether the petition is anonymous ({@link #identityLabel()}); unsealing is a separate, audited action.
 */
record PetitionView(long id, long inspectionId, String teamName, long bodyId, PetitionChannel channel,
                    Long organizationId, String organizationName, PetitionCategory category, String content,
                    boolean anonymous, PetitionStatus status, Boolean inScope, String triageNote,
                    Disposition disposition, String receivingDepartment, LocalDate dueOn, String outcome,
                    OffsetDateTime outcomeAt, String reply, ClosureClass closure, LocalDate receivedOn,
                    OffsetDateTime receivedAt, int version, int attachmentCount, boolean overdue) {

    public String identityLabel() {
        return anonymous ? "匿名" : "实名";
    }

    public String organizationLabel() {
        return organizationName == null ? "其他单位或个人" : organizationName;
    }

    /** Before disposition the deadline is the one for triage and disposition, afterwards the handling deadline. */
    public String dueLabel() {
        return status == PetitionStatus.RECEIVED || status == PetitionStatus.TRIAGED ? "研判分办期限" : "办理期限";
    }

    public String scopeLabel() {
        return inScope == null ? "" : inScope ? "属于受理范围" : "不属于受理范围";
    }
}
