package org.xuncha.findings;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.findings.worklog.TeamWorkLogs;

/**
 * The work logs' counts for other modules (the inspection report, the report card): in the caller's scope, so
 * TARGET, COLLABORATOR, DISCIPLINE and ORG_DEPT — and an inspection outside the scope — get {@link WorkLogCounts#NONE}.
 */
@Service
public class WorkLogs {

    private final TeamWorkLogs logs;

    WorkLogs(TeamWorkLogs logs) {
        this.logs = logs;
    }

    @Transactional(readOnly = true)
    public WorkLogCounts countsOf(DataScope scope, InspectionId inspection) {
        return logs.counts(scope, inspection.value());
    }
}
