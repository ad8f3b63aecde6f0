package org.xuncha.findings.finding;

import org.xuncha.findings.DisciplineTag;
import org.xuncha.findings.FindingSeverity;

/** Filters of an inspection's finding list; null means any. {@code level1Id} matches the finding's level-1 root. */
record FindingFilter(Long level1Id, DisciplineTag discipline, FindingSeverity severity, Boolean keyProblem,
                     Boolean rectified, FindingStatus status) {

    static FindingFilter none() {
        return new FindingFilter(null, null, null, null, null, null);
    }
}
