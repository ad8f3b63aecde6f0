package org.xuncha.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xuncha.staffing.solver.FormationJson.Instance;
import org.xuncha.staffing.solver.FormationJson.InspectorSpec;
import org.xuncha.staffing.solver.FormationJson.Plan;
import org.xuncha.staffing.solver.FormationJson.Rules;
import org.xuncha.staffing.solver.FormationJson.Score;
import org.xuncha.staffing.solver.FormationJson.TeamSpec;
import org.xuncha.staffing.solver.TeamFormationSolver;

import tools.jackson.databind.json.JsonMapper;

/** Solves small instances; every plan is checked by the independent {@link PlanChecker}. */
@Tag("pure")
class TeamFormationSolverTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Solves, checks the plan with {@link PlanChecker} (score and explanations), returns it. */
    static Plan solveAndCheck(Instance instance, int seconds) {
        Plan plan = TeamFormationSolver.solve(instance, Duration.ofSeconds(seconds));
        String planJson = JSON.writeValueAsString(plan);
        PlanChecker.Result check = PlanChecker.check(JSON.writeValueAsString(instance), planJson);
        assertThat(check.scoreMatches()).as("reported %s/%s, recomputed %s/%s; %s", check.reportedHard(),
                check.reportedSoft(), check.hard(), check.soft(), check.problems()).isTrue();
        long[] explained = PlanChecker.explainedPoints(planJson);
        assertThat(explained).as("every point of the score is explained: %s", plan.unmet())
                .containsExactly(check.hard(), check.soft());
        return plan;
    }

    @Test
    void plantedPlanScoresZeroWithTheChecker() {
        InstanceGenerator.Generated g = InstanceGenerator.generate(4, 8, 0.2, true, true, 7);
        Plan planted = new Plan(g.instance().name(), g.planted(), new Score(0, 0), List.of(), 0);
        PlanChecker.Result check = PlanChecker.check(JSON.writeValueAsString(g.instance()), JSON.writeValueAsString(planted));
        assertThat(check.hard()).as("%s", check.problems()).isZero();
        assertThat(check.soft()).isZero();
    }

    @Test
    void smallFeasibleInstanceReachesHardZero() {
        Instance instance = InstanceGenerator.generate(3, 6, 0.2, false, false, 1).instance();
        Plan plan = solveAndCheck(instance, 10);
        assertThat(plan.score().hard()).as("%s", plan.unmet()).isZero();
        assertThat(plan.assignments()).hasSize(30);
        assertThat(plan.instance()).isEqualTo(instance.name());
    }

    @Test
    void pushMillGivesAPermutationWithoutFixedPoints() {
        Instance instance = InstanceGenerator.generate(5, 10, 0.2, true, false, 2).instance();
        Plan plan = solveAndCheck(instance, 10);
        assertThat(plan.score().hard()).as("%s", plan.unmet()).isZero();
        Map<String, String> workplace = new HashMap<>();
        instance.inspectors().forEach(p -> workplace.put(p.id(), p.workplace()));
        Map<String, String> target = new HashMap<>();
        instance.teams().forEach(t -> target.put(t.id(), t.targetRegion()));
        Map<String, String> sourceToTarget = new HashMap<>();
        Map<String, Set<String>> teamSources = new HashMap<>();
        plan.assignments().forEach(a -> teamSources.computeIfAbsent(a.team(), k -> new HashSet<>()).add(workplace.get(a.inspector())));
        teamSources.forEach((team, sources) -> {
            assertThat(sources).as("one workplace county per team").hasSize(1);
            String source = sources.iterator().next();
            String previous = sourceToTarget.put(source, target.get(team));
            assertThat(previous).isIn(null, target.get(team));
        });
        assertThat(sourceToTarget.keySet()).isEqualTo(new HashSet<>(sourceToTarget.values()));
        sourceToTarget.forEach((from, to) -> assertThat(from).isNotEqualTo(to));
    }

    @Test
    void incrementalScoreIsNotCorrupted() {
        Instance instance = InstanceGenerator.generate(4, 6, 0.2, true, true, 4).instance();
        var config = TeamFormationSolver.config(Duration.ofSeconds(3))
                .withEnvironmentMode(ai.timefold.solver.core.config.solver.EnvironmentMode.FULL_ASSERT);
        var solution = org.xuncha.staffing.solver.Formation.toProblem(instance);
        ai.timefold.solver.core.api.solver.SolverFactory.<org.xuncha.staffing.solver.StaffingSolution>create(config)
                .buildSolver().solve(solution);   // FULL_ASSERT throws on any score corruption
    }

    @Test
    void localLiaisonSeatsComeFromTheInspectedCounty() {
        Instance instance = InstanceGenerator.generate(4, 8, 0.15, true, true, 3).instance();
        Plan plan = solveAndCheck(instance, 10);
        assertThat(plan.score().hard()).as("%s", plan.unmet()).isZero();
        Map<String, String> workplace = new HashMap<>();
        instance.inspectors().forEach(p -> workplace.put(p.id(), p.workplace()));
        Map<String, String> target = new HashMap<>();
        instance.teams().forEach(t -> target.put(t.id(), t.targetRegion()));
        plan.assignments().stream().filter(a -> a.role().equals("DEPUTY") || a.role().equals("LIAISON"))
                .forEach(a -> assertThat(workplace.get(a.inspector())).isEqualTo(target.get(a.team())));
    }

    @Test
    void infeasibleInstanceGetsTheBestPlanAndExplanations() {
        // nobody may lead; one of three members is the relative of someone in the target; skill nobody has
        List<InspectorSpec> people = List.of(
                new InspectorSpec("P1", "甲", "350102", "350102", List.of(), "350102", List.of("LAW"), false, true, List.of(), List.of("ORG-1")),
                new InspectorSpec("P2", "乙", "350102", "350102", List.of(), "350102", List.of(), false, true, List.of("ORG-1"), List.of()),
                new InspectorSpec("P3", "丙", "350103", "350103", List.of(), "350103", List.of(), true, true, List.of(), List.of()),
                new InspectorSpec("P4", "丁", "350104", "350104", List.of(), "350104", List.of(), true, false, List.of(), List.of()));
        Instance instance = new Instance("不可行", new Rules(List.of("RESIDENCE", "WORKPLACE", "POSTING", "HOMETOWN"), "NONE", false),
                people, List.of(new TeamSpec("T01", "350103", List.of("ORG-1"), Map.of("LEADER", 1, "MEMBER", 2),
                        Map.of("FINANCE", 1))));
        Plan plan = solveAndCheck(instance, 5);
        assertThat(plan.score().hard()).isEqualTo(2);   // leader and one member seat cannot be filled
        assertThat(plan.assignments()).extracting(a -> a.inspector()).containsExactly("P1");
        assertThat(plan.score().soft()).isEqualTo(2);   // FINANCE missing, P1 inspected ORG-1 before
        assertThat(plan.unmet()).filteredOn(u -> u.constraint().equals("UNFILLED")).hasSize(2)
                .anySatisfy(u -> assertThat(u.message()).contains("组长席位空缺", "因不可用排除 1 人",
                        "因不具备组长资格排除 2 人", "因四回避排除 1 人", "「四回避」"))
                .anySatisfy(u -> assertThat(u.message()).contains("组员席位空缺", "因亲属在被巡察单位排除 1 人",
                        "「已在本方案其他席位」"));
        assertThat(plan.unmet()).anySatisfy(u -> assertThat(u.message()).isEqualTo("缺少具有 财务 专长的组员 1 人"));
    }
}
