package org.xuncha.staffing.solver;

import java.util.List;
import java.util.Set;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;

/**
 * Planning fact: one inspector of the instance (not the people module's entity). {@code worksAt} and
 * {@code postedAt} are the contract's organization ties, already expanded by whoever wrote the instance.
 */
public record Inspector(@PlanningId String id, String name, String residence, String workplace,
        List<String> postings, String hometown, Set<String> skills, boolean canLead, boolean available,
        Set<String> relativesIn, Set<String> previousTargets, Set<String> worksAt, Set<String> postedAt) {

    /** An inspector without organization ties (an instance without {@code worksAt}/{@code postedAt}). */
    public Inspector(String id, String name, String residence, String workplace, List<String> postings,
                     String hometown, Set<String> skills, boolean canLead, boolean available, Set<String> relativesIn,
                     Set<String> previousTargets) {
        this(id, name, residence, workplace, postings, hometown, skills, canLead, available, relativesIn,
                previousTargets, Set.of(), Set.of());
    }

    @Override
    public String toString() {
        return id;
    }
}
