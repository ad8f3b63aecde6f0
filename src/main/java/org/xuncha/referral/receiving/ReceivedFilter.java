package org.xuncha.referral.receiving;

import org.xuncha.referral.SubjectKind;
import org.xuncha.referral.TransferStatus;

/**
 * The worklist's filters, each optional: the status, what was transferred, and where the 签收 stands.
 */
record ReceivedFilter(TransferStatus status, SubjectKind subject, Signing signing) {

    static ReceivedFilter none() {
        return new ReceivedFilter(null, null, null);
    }

    /** 待签收 (transferred, not signed), 已签收 (its reply clock runs), 已逾期 (past the due date, not closed). */
    enum Signing {
        AWAITING("待签收"),
        SIGNED("已签收"),
        OVERDUE("已逾期");

        private final String label;

        Signing(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
