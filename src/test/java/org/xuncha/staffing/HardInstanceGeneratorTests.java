package org.xuncha.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import org.xuncha.staffing.InstanceGenerator.Generated;
import org.xuncha.staffing.solver.FormationJson.Assignment;
import org.xuncha.staffing.solver.FormationJson.Plan;
import org.xuncha.staffing.solver.FormationJson.Score;
import org.xuncha.staffing.solver.TeamFormationSolver;

/** The hard generator's planted plans are 0/0 by the independent checker and by the solver's own scoring. */
@Tag("pure")
class HardInstanceGeneratorTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0} seed {6}")
    @CsvSource({
        "small-push-mill-skills,4,32,0.04,true,false,1",
        "small-push-mill-skills,4,32,0.04,true,false,2",
        "small-push-mill-skills,4,32,0.04,true,false,2026",
        "small-push-mill-local,4,32,0.04,true,true,1",
        "small-push-mill-local,4,32,0.04,true,true,2",
        "small-push-mill-local,4,32,0.04,true,true,2026",
        "city,10,60,0.04,true,true,1",
        "city,10,60,0.04,true,true,2026",
        "province,81,456,0.04,true,true,2026",
    })
    void plantedPlanIsOptimal(String form, int counties, int teams, double spare, boolean pushMill, boolean local,
                              long seed) {
        Generated g = HardInstanceGenerator.generate(counties, teams, spare, pushMill, local, seed);
        Plan planted = new Plan(g.instance().name(), g.planted(), new Score(0, 0), java.util.List.of(), 0);
        PlanChecker.Result check = PlanChecker.check(JSON.writeValueAsString(g.instance()), JSON.writeValueAsString(planted));
        assertThat(check.hard()).as(check.problems().toString()).isZero();
        assertThat(check.soft()).isZero();

        // Valid by the solver's own reading of the contract, and 0/0 by its scoring too.
        TeamFormationSolver.problem(g.instance());
        Plan rescored = TeamFormationSolver.rescore(g.instance(), planted);
        assertThat(rescored.score()).isEqualTo(new Score(0, 0));

        // The shape the class promises: every seat planted once, tight spare, several targets, ties to siblings.
        assertThat(g.planted()).hasSize(teams * 5);
        Set<String> seated = new HashSet<>();
        g.planted().stream().map(Assignment::inspector).forEach(seated::add);
        assertThat(seated).hasSize(teams * 5);
        int extra = g.instance().inspectors().size() - teams * 5;
        assertThat(extra).isBetween((int) Math.floor(teams * 5 * 0.03), (int) Math.ceil(teams * 5 * 0.05));
        assertThat(g.instance().teams()).allSatisfy(t -> assertThat(t.targets().size()).isBetween(2, 4));
        assertThat(g.instance().teams()).allSatisfy(t -> assertThat(t.skills().size()).isBetween(2, 3));
        long tied = g.instance().inspectors().stream().filter(p -> p.worksAt() != null && p.worksAt().size() > 1
                || p.postedAt() != null && !p.postedAt().isEmpty()).count();
        assertThat(tied).isGreaterThan(teams);
        assertThat(g.instance().rules().localLiaison()).isEqualTo(local);
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"1", "2026"})
    void sameSeedSameInstance(long seed) {
        assertThat(JSON.writeValueAsString(HardInstanceGenerator.generate(4, 32, 0.04, true, true, seed).instance()))
                .isEqualTo(JSON.writeValueAsString(HardInstanceGenerator.generate(4, 32, 0.04, true, true, seed).instance()));
    }
}
