package org.xuncha.inspection;

import java.util.List;

import org.xuncha.common.InspectionId;

/**
 * What must hold before an inspection may move to 报结 (CLOSED), decided by modules that inspection may not depend on
 * (supervision holds the office's closure conditions over the ledger, the reports and the evaluation). The stage
 * machine ({@link InspectionStages}) asks every bean of this type and refuses the move, changing nothing, while any
 * answers a condition; so the rule holds for the page, the API and any other caller alike.
 */
public interface ClosureGuard {

    /** The conditions not yet met for closing {@code inspection}, each a Chinese sentence; empty when it may close. */
    List<String> unmetConditions(InspectionId inspection);
}
