package org.xuncha.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xuncha.staffing.solver.FormationJson.Instance;
import org.xuncha.staffing.solver.StaffingSolution;
import org.xuncha.staffing.solver.TeamFormationSolver;

/**
 * Figures, not a regression test: {@code ./mvnw -o test -Dtest=TeamFormationBenchmarkTests -Dxuncha.benchmark=true
 * [-Dxuncha.benchmark.seconds=10] [-Dxuncha.benchmark.only=province] [-Dxuncha.benchmark.seed=2026]}. Prints, for generated instances whose planted optimum is 0/0, the time to the
 * first best solution with hard 0 and the best score at the limit (lines starting with BENCH).
 */
@Tag("pure")
@EnabledIfSystemProperty(named = "xuncha.benchmark", matches = "true")
class TeamFormationBenchmarkTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "city,10,60,0.10,false,false",
        "city-push-mill,10,60,0.10,true,false",
        "city-push-mill-local,10,60,0.10,true,true",
        "province,81,456,0.15,false,false",
        "province-push-mill,81,456,0.15,true,false",
        "province-push-mill-local,81,456,0.15,true,true",
    })
    void measure(String form, int counties, int teams, double spare, boolean pushMill, boolean local) {
        String only = System.getProperty("xuncha.benchmark.only");
        org.junit.jupiter.api.Assumptions.assumeTrue(only == null || only.equals(form), "only " + only);
        int seconds = Integer.getInteger("xuncha.benchmark.seconds", 10);
        long seed = Long.getLong("xuncha.benchmark.seed", 2026);
        Instance instance = InstanceGenerator.generate(counties, teams, spare, pushMill, local, seed).instance();
        long start = System.nanoTime();
        long[] hardZeroAt = {-1};
        // Best score as of each checkpoint: the last new-best event at or before it (the solver stops early at 0/0).
        long[] checkpoints = {10_000, 30_000, 60_000};
        java.util.List<long[]> events = new java.util.ArrayList<>();
        java.util.List<HardSoftScore> scores = new java.util.ArrayList<>();
        Duration limit = Duration.ofSeconds(seconds);
        // as the platform solves: the start may search for half the limit, and its time counts against the limit
        StaffingSolution problem = TeamFormationSolver.prepare(instance, java.util.Map.of(), TeamFormationSolver.startBudget(limit));
        SolverFactory<StaffingSolution> factory = SolverFactory.create(TeamFormationSolver.config(
                TeamFormationSolver.remaining(limit, start)));
        Solver<StaffingSolution> solver = factory.buildSolver();
        solver.addEventListener(event -> {
            HardSoftScore score = (HardSoftScore) event.getNewBestScore();
            events.add(new long[] {(System.nanoTime() - start) / 1_000_000});
            scores.add(score);
            if (score.isFeasible() && hardZeroAt[0] < 0) {
                hardZeroAt[0] = (System.nanoTime() - start) / 1_000_000;
            }
        });
        StaffingSolution best = solver.solve(problem);
        long total = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("BENCH %s (seed %d): %d inspectors, %d seats; hard 0 after %s ms; best %s at %d ms (limit %d s)%n", form, seed,
                instance.inspectors().size(), best.getSeats().size(), hardZeroAt[0] < 0 ? "never" : hardZeroAt[0],
                best.getScore(), total, seconds);
        StringBuilder at = new StringBuilder();
        for (long checkpoint : checkpoints) {
            if (checkpoint > seconds * 1000L) {
                continue;
            }
            HardSoftScore asOf = null;
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i)[0] <= checkpoint) {
                    asOf = scores.get(i);
                }
            }
            at.append(String.format(" %d s: %s;", checkpoint / 1000, asOf == null ? "none" : asOf));
        }
        System.out.printf("BENCH %s: best score at%s%n", form, at);
        assertThat(best.getScore()).isNotNull();
    }
}
