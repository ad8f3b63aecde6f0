package org.xuncha.findings;

import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;

/**
 * Counts of an inspection's problem leads (问题线索) for other modules (report, report card). Contract: counted in
 * SQL under the caller's scope; an inspection the caller may not read counts {@link LeadCounts#NONE}, exactly like
 * one without leads, so a count tells an outsider nothing.
 */
public interface LeadCounting {

    LeadCounts countsOf(DataScope scope, InspectionId inspection);
}
