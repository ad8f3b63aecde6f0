package org.xuncha.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xuncha.staffing.solver.StaffingSolution;
import org.xuncha.staffing.solver.TeamFormationSolver;

/**
 * The push-mill start alone (one search, no restarts, no Timefold local search) reaches the planted optimum 0/0
 * on hard rounds where it is known to: the small classes and a city. Deterministic: the start's random choices are
 * seeded and the budget is zero, so no clock is involved. docs/benchmarks.md has the timed figures.
 */
@Tag("pure")
class HardRoundStartTests {

    @ParameterizedTest(name = "{0} seed {6}")
    @CsvSource({
        "small-push-mill-skills,4,32,0.04,true,false,1",
        "small-push-mill-skills,4,32,0.04,true,false,2026",
        "small-push-mill-local,4,32,0.04,true,true,1",
        "small-push-mill-local,4,32,0.04,true,true,2026",
        "city,10,60,0.04,true,true,1",
        "city,10,60,0.04,true,true,2",
    })
    void theStartIsPerfect(String form, int counties, int teams, double spare, boolean pushMill, boolean local,
                           long seed) {
        InstanceGenerator.Generated g = HardInstanceGenerator.generate(counties, teams, spare, pushMill, local, seed);
        StaffingSolution start = TeamFormationSolver.prepare(g.instance(), Map.of(), Duration.ZERO);
        SolutionManager<StaffingSolution, HardSoftScore> scorer = SolutionManager.create(
                SolverFactory.create(TeamFormationSolver.config(Duration.ofSeconds(1))));
        HardSoftScore score = scorer.update(start);
        assertThat(score).isEqualTo(HardSoftScore.ZERO);
    }
}
