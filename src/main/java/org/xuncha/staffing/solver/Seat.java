package org.xuncha.staffing.solver;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/** Planning entity: one seat of a team; the variable is who sits in it (none when it cannot be filled). */
@PlanningEntity
public class Seat {

    @PlanningId
    private String id;
    private Team team;
    private Role role;
    private int index;

    @PlanningVariable(valueRangeProviderRefs = "inspectors", allowsUnassigned = true)
    private Inspector inspector;

    /** A seat the office fixed (or a member already on the team): the solver keeps its inspector. */
    private boolean pinned;

    public Seat() {
    }

    public Seat(Team team, Role role, int index) {
        this.id = team.getId() + "/" + role + "/" + index;
        this.team = team;
        this.role = role;
        this.index = index;
    }

    public Seat(Team team, Role role, int index, Inspector inspector) {
        this(team, role, index);
        this.inspector = inspector;
    }

    /** A DEPUTY or LIAISON seat under the local-liaison rule: staffed from the inspected place, no avoidance. */
    public boolean isLocal() {
        return team.getPolicy().localLiaison() && (role == Role.DEPUTY || role == Role.LIAISON);
    }

    @PlanningPin
    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    /** The seat as the platform names it: team, role and 1-based index within the role. */
    public SeatKey key() {
        return new SeatKey(team.getId(), role, index);
    }

    public String getId() {
        return id;
    }

    public Team getTeam() {
        return team;
    }

    public Role getRole() {
        return role;
    }

    public int getIndex() {
        return index;
    }

    public Inspector getInspector() {
        return inspector;
    }

    public void setInspector(Inspector inspector) {
        this.inspector = inspector;
    }

    /** "T01 第 2 个组员席位". */
    public String label() {
        return team.getId() + " 第 " + index + " 个" + role.label() + "席位";
    }

    @Override
    public String toString() {
        return id + "=" + inspector;
    }
}
