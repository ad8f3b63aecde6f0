package org.xuncha.supervision.closure;

import java.util.List;

import org.springframework.stereotype.Component;
import org.xuncha.common.InspectionId;
import org.xuncha.rectification.ClosureReadiness;
import org.xuncha.supervision.ClosureCondition;
import org.xuncha.supervision.ClosureConditionKind;

/** Both rectification reports of every fed-back organization received by the office (rectification.report). */
@Component
class ReportsClosureCondition implements ClosureCondition {

    private final ClosureReadiness readiness;

    ReportsClosureCondition(ClosureReadiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public ClosureConditionKind kind() {
        return ClosureConditionKind.REPORTS;
    }

    @Override
    public List<String> unmet(InspectionId inspection) {
        return readiness.missingReports(inspection);
    }
}
