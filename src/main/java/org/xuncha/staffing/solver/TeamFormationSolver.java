package org.xuncha.staffing.solver;

import java.time.Duration;

import ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.xuncha.staffing.solver.FormationJson.Instance;
import org.xuncha.staffing.solver.FormationJson.Plan;

/**
 * Solves one instance within a time limit (stopping early at 0hard/0soft) and returns the contract plan. The
 * {@link SolverFactory} is built here, not by Timefold's Spring Boot starter (which does not run on Boot 4).
 */
public final class TeamFormationSolver {

    private TeamFormationSolver() {
    }

    public static SolverConfig config(Duration limit) {
        return new SolverConfig()
                .withSolutionClass(StaffingSolution.class)
                .withEntityClasses(Team.class, Seat.class)
                .withConstraintProviderClass(StaffingConstraints.class)
                .withTerminationConfig(new TerminationConfig()
                        .withSpentLimit(limit)
                        .withBestScoreLimit("0hard/0soft"));
    }

    /** The planning problem of an instance, with the push-mill starting permutation when rotation is set. */
    public static StaffingSolution prepare(Instance instance) {
        StaffingSolution problem = Formation.toProblem(instance);
        RotationStart.apply(problem, 0);
        return problem;
    }

    public static Plan solve(Instance instance, Duration limit) {
        StaffingSolution problem = prepare(instance);
        long start = System.nanoTime();
        SolverFactory<StaffingSolution> factory = SolverFactory.create(config(limit));
        Solver<StaffingSolution> solver = factory.buildSolver();
        StaffingSolution best = solver.solve(problem);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Formation.deriveSourceCounties(best);
        SolutionManager<StaffingSolution, HardSoftScore> scorer = SolutionManager.create(factory);
        HardSoftScore score = scorer.update(best);
        best.setScore(score);
        return Formation.toPlan(best, millis);
    }
}
