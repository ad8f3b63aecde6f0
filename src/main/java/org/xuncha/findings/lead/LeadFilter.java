package org.xuncha.findings.lead;

/** Filters of the lead list; null means any. */
record LeadFilter(LeadStatus status, SuspectedViolation violation, Boolean urgent) {

    static LeadFilter none() {
        return new LeadFilter(null, null, null);
    }
}
