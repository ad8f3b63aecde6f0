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
        return prepare(instance, java.util.Map.of());
    }

    /**
     * As {@link #prepare(Instance)}, with {@code fixed} seats (seat → inspector id) pinned: the solver keeps them.
     * A fixed inspector that the push-mill start had put elsewhere is taken out of that other seat.
     */
    public static StaffingSolution prepare(Instance instance, java.util.Map<SeatKey, String> fixed) {
        return prepare(instance, fixed, Duration.ZERO);
    }

    /**
     * As {@link #prepare(Instance, java.util.Map)}, letting the push-mill start search again from other random
     * starts for up to {@code startBudget} while its plan is not perfect (it always searches once).
     */
    public static StaffingSolution prepare(Instance instance, java.util.Map<SeatKey, String> fixed, Duration startBudget) {
        StaffingSolution problem = Formation.toProblem(instance);
        RotationStart.apply(problem, 0, startBudget);
        Formation.fix(problem, fixed);
        GreedyStart.apply(problem);
        return problem;
    }

    /** The problem of an instance as checked and built, without a start or pins (seats empty). */
    public static StaffingSolution problem(Instance instance) {
        return Formation.toProblem(instance);
    }

    /**
     * The plan as written, scored again: the problem of the instance with the plan's assignments, push-mill
     * source counties derived from them, the score recomputed and the explanations rebuilt.
     */
    public static Plan rescore(Instance instance, Plan plan) {
        StaffingSolution solution = withPlan(instance, plan);
        return Formation.toPlan(solution, plan.solveMillis());
    }

    /** The problem of the instance with the plan's assignments in seat order, scored. */
    public static StaffingSolution withPlan(Instance instance, Plan plan) {
        StaffingSolution solution = Formation.toProblem(instance);
        Formation.applyPlan(solution, plan);
        Formation.deriveSourceCounties(solution);
        SolutionManager<StaffingSolution, HardSoftScore> scorer = SolutionManager.create(
                SolverFactory.create(config(Duration.ofSeconds(1))));
        solution.setScore(scorer.update(solution));
        return solution;
    }

    /**
     * Solves with the solver handed to {@code started} before solving begins (so that the caller can register
     * listeners or terminate it early); returns the scored plan of the best solution.
     */
    public static Plan solve(StaffingSolution problem, Duration limit,
                             java.util.function.Consumer<Solver<StaffingSolution>> started) {
        long start = System.nanoTime();
        SolverFactory<StaffingSolution> factory = SolverFactory.create(config(limit));
        Solver<StaffingSolution> solver = factory.buildSolver();
        started.accept(solver);
        StaffingSolution best = solver.solve(problem);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Formation.deriveSourceCounties(best);
        SolutionManager<StaffingSolution, HardSoftScore> scorer = SolutionManager.create(factory);
        best.setScore(scorer.update(best));
        return Formation.toPlan(best, millis);
    }

    /** The share of a solve's time limit the push-mill start may spend on restarts. */
    public static Duration startBudget(Duration limit) {
        return limit.dividedBy(2);
    }

    /**
     * What is left of {@code limit} since {@code startedNanos} ({@link System#nanoTime()}), in whole milliseconds
     * (Timefold refuses finer spent limits) and at least one.
     */
    public static Duration remaining(Duration limit, long startedNanos) {
        long millis = limit.minusNanos(System.nanoTime() - startedNanos).toMillis();
        return Duration.ofMillis(Math.max(1, millis));
    }

    /** Prepares and solves within {@code limit} in all (the start's time counts against it). */
    public static Plan solve(Instance instance, Duration limit) {
        long start = System.nanoTime();
        StaffingSolution problem = prepare(instance, java.util.Map.of(), startBudget(limit));
        SolverFactory<StaffingSolution> factory = SolverFactory.create(config(remaining(limit, start)));
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
