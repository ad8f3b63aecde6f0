package org.xuncha.staffing.solver;

import java.util.List;
import java.util.Set;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * Planning entity: a team. Its only variable is the source county under push-mill rotation (the county whose
 * cadres staff it); without rotation the team is pinned and the variable unused.
 */
@PlanningEntity
public class Team {

    @PlanningId
    private String id;
    private String targetRegion;
    private Set<String> targets;
    private Policy policy;

    @PlanningVariable(valueRangeProviderRefs = "counties", allowsUnassigned = true)
    private String sourceCounty;

    public Team() {
    }

    public Team(String id, String targetRegion, Set<String> targets, Policy policy) {
        this.id = id;
        this.targetRegion = targetRegion;
        this.targets = targets;
        this.policy = policy;
    }

    @PlanningPin
    public boolean isPinned() {
        return !policy.pushMill();
    }

    public String getId() {
        return id;
    }

    public String getTargetRegion() {
        return targetRegion;
    }

    public Set<String> getTargets() {
        return targets;
    }

    public Policy getPolicy() {
        return policy;
    }

    public String getSourceCounty() {
        return sourceCounty;
    }

    public void setSourceCounty(String sourceCounty) {
        this.sourceCounty = sourceCounty;
    }

    @Override
    public String toString() {
        return id;
    }
}
