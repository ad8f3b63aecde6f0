package org.xuncha.supervision.closure;

import java.util.List;

import org.springframework.stereotype.Component;
import org.xuncha.common.InspectionId;
import org.xuncha.rectification.ClosureReadiness;
import org.xuncha.supervision.ClosureCondition;
import org.xuncha.supervision.ClosureConditionKind;

/** Every ledger item signed off or formally carried over, as rectification's {@link ClosureReadiness} counts it. */
@Component
class LedgerClosureCondition implements ClosureCondition {

    private final ClosureReadiness readiness;

    LedgerClosureCondition(ClosureReadiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public ClosureConditionKind kind() {
        return ClosureConditionKind.LEDGER;
    }

    @Override
    public List<String> unmet(InspectionId inspection) {
        return readiness.unsettledLedger(inspection);
    }
}
