package org.xuncha.findings.paper;

/** Filters of an inspection's list of working papers; null means any. */
record WorkingPaperFilter(WorkingPaperStatus status, ProblemSource source) {

    static WorkingPaperFilter none() {
        return new WorkingPaperFilter(null, null);
    }
}
