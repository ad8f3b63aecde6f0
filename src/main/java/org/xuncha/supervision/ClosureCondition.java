package org.xuncha.supervision;

import java.util.List;

import org.xuncha.common.InspectionId;

/**
 * One condition of 报结 (issue 15 §6): a bean per {@link ClosureConditionKind}, asked by supervision's closure
 * guard when the office's settings require its kind. The ledger and report conditions are supervision.closure's;
 * the evaluation's is for the evaluation capability to provide (until one is registered, an office cannot require
 * it).
 */
public interface ClosureCondition {

    ClosureConditionKind kind();

    /** Why {@code inspection} may not close yet, each a Chinese sentence without case content; empty when met. */
    List<String> unmet(InspectionId inspection);
}
