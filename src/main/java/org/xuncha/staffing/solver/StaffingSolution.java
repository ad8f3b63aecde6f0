package org.xuncha.staffing.solver;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore;

/** Planning solution: the teams and seats of one instance. */
@PlanningSolution
public class StaffingSolution {

    private String name;

    @ProblemFactCollectionProperty
    @ValueRangeProvider(id = "inspectors")
    private List<Inspector> inspectors;

    @ValueRangeProvider(id = "counties")
    private List<String> counties;

    @ProblemFactCollectionProperty
    private List<SkillNeed> skillNeeds;

    @PlanningEntityCollectionProperty
    private List<Team> teams;

    @PlanningEntityCollectionProperty
    private List<Seat> seats;

    @PlanningScore
    private HardSoftScore score;

    public StaffingSolution() {
    }

    public StaffingSolution(String name, List<Inspector> inspectors, List<String> counties, List<SkillNeed> skillNeeds,
            List<Team> teams, List<Seat> seats) {
        this.name = name;
        this.inspectors = inspectors;
        this.counties = counties;
        this.skillNeeds = skillNeeds;
        this.teams = teams;
        this.seats = seats;
    }

    public String getName() {
        return name;
    }

    public List<Inspector> getInspectors() {
        return inspectors;
    }

    public List<String> getCounties() {
        return counties;
    }

    public List<SkillNeed> getSkillNeeds() {
        return skillNeeds;
    }

    public List<Team> getTeams() {
        return teams;
    }

    public List<Seat> getSeats() {
        return seats;
    }

    public HardSoftScore getScore() {
        return score;
    }

    public void setScore(HardSoftScore score) {
        this.score = score;
    }
}
