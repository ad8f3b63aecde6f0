package org.xuncha.referral.transfer;

import org.xuncha.referral.ReceiverKind;

/**
 * A receiver as a letter and an item store it (V8_25): the kind, the receiving body (committee level) and, for a
 * DEPARTMENT receiver only, the department's name as its COLLABORATOR accounts carry it.
 */
record Receiver(ReceiverKind kind, long bodyId, String department) {

    boolean sameAs(ReceiverKind otherKind, long otherBody, String otherDepartment) {
        return kind == otherKind && bodyId == otherBody
                && java.util.Objects.equals(department, otherDepartment);
    }
}
