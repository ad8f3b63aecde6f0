package org.xuncha.staffing.solver;

import java.util.List;
import java.util.Set;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;

/** Planning fact: one inspector of the instance (not the people module's entity). */
public record Inspector(@PlanningId String id, String name, String residence, String workplace,
        List<String> postings, String hometown, Set<String> skills, boolean canLead, boolean available,
        Set<String> relativesIn, Set<String> previousTargets) {

    @Override
    public String toString() {
        return id;
    }
}
