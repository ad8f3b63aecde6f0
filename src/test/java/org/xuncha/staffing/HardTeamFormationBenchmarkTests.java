package org.xuncha.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xuncha.staffing.solver.FormationJson.Instance;
import org.xuncha.staffing.solver.FormationJson.Plan;
import org.xuncha.staffing.solver.FormationJson.Unmet;
import org.xuncha.staffing.solver.StaffingSolution;
import org.xuncha.staffing.solver.TeamFormationSolver;

/**
 * Figures, not a regression test, on {@link HardInstanceGenerator}'s instances (planted optimum 0/0):
 * {@code ./mvnw -o test -Dtest=HardTeamFormationBenchmarkTests -Dxuncha.benchmark=true
 * [-Dxuncha.benchmark.seconds=20] [-Dxuncha.benchmark.only=city] [-Dxuncha.benchmark.seeds=2026,1]}. Prints (lines
 * starting with HARDBENCH) the starting score, the time to the first best solution with hard 0, the best score at
 * 10/20/30/60 s, the time of the last improvement, what the best plan still breaks (unmet entries by constraint)
 * and how many planted seats it fills differently.
 */
@Tag("pure")
@EnabledIfSystemProperty(named = "xuncha.benchmark", matches = "true")
class HardTeamFormationBenchmarkTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "small-push-mill-skills,4,32,0.04,true,false",
        "small-push-mill-local,4,32,0.04,true,true",
        "city,10,60,0.04,true,true",
        "province,81,456,0.04,true,true",
    })
    void measure(String form, int counties, int teams, double spare, boolean pushMill, boolean local) {
        String only = System.getProperty("xuncha.benchmark.only");
        Assumptions.assumeTrue(only == null || List.of(only.split(",")).contains(form), "only " + only);
        int seconds = Integer.getInteger("xuncha.benchmark.seconds", 20);
        for (String s : System.getProperty("xuncha.benchmark.seeds", "2026").split(",")) {
            run(form, counties, teams, spare, pushMill, local, Long.parseLong(s.trim()), seconds);
        }
    }

    private void run(String form, int counties, int teams, double spare, boolean pushMill, boolean local, long seed,
                     int seconds) {
        InstanceGenerator.Generated generated = HardInstanceGenerator.generate(counties, teams, spare, pushMill, local, seed);
        Instance instance = generated.instance();
        long start = System.nanoTime();
        Duration limit = Duration.ofSeconds(seconds);
        StaffingSolution problem = TeamFormationSolver.prepare(instance, Map.of(), TeamFormationSolver.startBudget(limit));
        long prepared = (System.nanoTime() - start) / 1_000_000;
        long[] hardZeroAt = {-1};
        List<Long> times = new ArrayList<>();
        List<HardSoftScore> scores = new ArrayList<>();
        // the start's time counts against the limit, as in TeamFormationSolver.solve(instance, limit)
        Plan plan = TeamFormationSolver.solve(problem, limit.minusMillis(Math.min(prepared, seconds * 1000L - 1)), solver -> solver.addEventListener(event -> {
            long at = (System.nanoTime() - start) / 1_000_000;
            HardSoftScore score = (HardSoftScore) event.getNewBestScore();
            times.add(at);
            scores.add(score);
            if (score.isFeasible() && hardZeroAt[0] < 0) {
                hardZeroAt[0] = at;
            }
        }));
        long total = (System.nanoTime() - start) / 1_000_000;
        StringBuilder at = new StringBuilder();
        for (long checkpoint : new long[] {10_000, 20_000, 30_000, 60_000}) {
            if (checkpoint > seconds * 1000L) {
                continue;
            }
            HardSoftScore asOf = null;
            for (int i = 0; i < times.size(); i++) {
                if (times.get(i) <= checkpoint) {
                    asOf = scores.get(i);
                }
            }
            at.append(String.format(" %d s: %s;", checkpoint / 1000, asOf == null ? "none" : asOf));
        }
        Map<String, Integer> unmet = new TreeMap<>();
        for (Unmet u : plan.unmet()) {
            unmet.merge(u.constraint(), 1, Integer::sum);
        }
        // How far the best plan is from the planted one: planted (team, inspector) pairs it does not have.
        java.util.Set<String> found = new java.util.HashSet<>();
        plan.assignments().forEach(a -> found.add(a.team() + "/" + a.inspector()));
        long moved = generated.planted().stream().filter(a -> !found.contains(a.team() + "/" + a.inspector())).count();
        // the push-mill permutation: the workplace of each team's leader, planted and found
        Map<String, String> workplace = new java.util.HashMap<>();
        instance.inspectors().forEach(i -> workplace.put(i.id(), i.workplace()));
        Map<String, String> region = new java.util.HashMap<>();
        instance.teams().forEach(t -> region.put(t.id(), t.targetRegion()));
        Map<String, String> plantedSource = new TreeMap<>();
        Map<String, String> foundSource = new TreeMap<>();
        generated.planted().stream().filter(a -> a.role().equals("LEADER"))
                .forEach(a -> plantedSource.put(region.get(a.team()), workplace.get(a.inspector())));
        plan.assignments().stream().filter(a -> a.role().equals("LEADER"))
                .forEach(a -> foundSource.put(region.get(a.team()), workplace.get(a.inspector())));
        long otherSources = plantedSource.entrySet().stream()
                .filter(e -> !e.getValue().equals(foundSource.get(e.getKey()))).count();
        System.out.printf("HARDBENCH %s (seed %d): %d of %d planted seats held by someone else in the best plan;"
                        + " %d of %d target counties staffed from another county than planted%n",
                form, seed, moved, generated.planted().size(), otherSources, plantedSource.size());
        System.out.printf("HARDBENCH %s (seed %d): %d inspectors, %d teams; prepared in %d ms; first best %s; hard 0 after %s ms;"
                        + " best %dhard/%dsoft, last improvement at %s ms, stopped at %d ms (limit %d s); best at%s unmet %s%n",
                form, seed, instance.inspectors().size(), teams, prepared, scores.isEmpty() ? "none" : scores.get(0),
                hardZeroAt[0] < 0 ? "never" : hardZeroAt[0], plan.score().hard(), plan.score().soft(),
                times.isEmpty() ? "none" : times.get(times.size() - 1), total, seconds, at, unmet);
        assertThat(plan.score()).isNotNull();
    }
}
