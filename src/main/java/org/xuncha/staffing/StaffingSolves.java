package org.xuncha.staffing;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore;
import ai.timefold.solver.core.api.solver.Solver;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuncha.audit.AuditTrail;
import org.xuncha.staffing.solver.Formation;
import org.xuncha.staffing.solver.FormationJson.Instance;
import org.xuncha.staffing.solver.FormationJson.Plan;
import org.xuncha.staffing.solver.SeatKey;
import org.xuncha.staffing.solver.StaffingSolution;
import org.xuncha.staffing.solver.TeamFormationSolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * Solves runs in the background, one at a time (the machine has few cores; a second run waits in the queue).
 * While solving it writes a heartbeat every second, reads the run's stop flag (so that any instance can stop
 * it), records the best score over time and saves the best plan every few seconds, so that a crash keeps it.
 * A run whose heartbeat stopped (its instance died) is marked interrupted by a scheduled check.
 */
@Component
class StaffingSolves implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StaffingSolves.class);
    static final Duration STALE = Duration.ofSeconds(90);
    private static final long PROGRESS_EVERY_MS = 250;
    private static final long SNAPSHOT_EVERY_MS = 3000;

    private final StaffingRunRepository runs;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ExecutorService solvers = Executors.newSingleThreadExecutor(daemon("staffing-solver"));
    private volatile Solver<StaffingSolution> active;
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(
            daemon("staffing-heartbeat"));

    StaffingSolves(StaffingRunRepository runs, JsonMapper json, AuditTrail audit, TransactionTemplate tx,
                   Clock clock) {
        this.runs = runs;
        this.json = json;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Queues a solve of run {@code id}'s attempt; call after the transaction that started the attempt committed. */
    void start(long id, int attempt, Instance instance, Map<SeatKey, String> fixed, int seconds) {
        solvers.submit(() -> solve(id, attempt, instance, fixed, seconds));
    }

    private void solve(long id, int attempt, Instance instance, Map<SeatKey, String> fixed, int seconds) {
        AtomicBoolean stopped = new AtomicBoolean();
        Solver<StaffingSolution>[] current = new Solver[1];
        ScheduledFuture<?> beat = beats.scheduleAtFixedRate(() -> {
            try {
                // Repeated every beat: a stop that arrives before the solver starts would be reset by solve().
                if (runs.heartbeat(id, now())) {
                    stopped.set(true);
                    Solver<StaffingSolution> solver = current[0];
                    if (solver != null) {
                        solver.terminateEarly();
                    }
                }
            } catch (RuntimeException e) {
                log.warn("team formation run {}: heartbeat failed: {}", id, e.getMessage());
            }
        }, 0, 1, TimeUnit.SECONDS);
        try {
            long began = System.nanoTime();
            // the push-mill start may search again for a quarter of the limit; its time counts against the limit
            StaffingSolution problem = TeamFormationSolver.prepare(instance, fixed,
                    TeamFormationSolver.startBudget(Duration.ofSeconds(seconds)));
            Duration left = TeamFormationSolver.remaining(Duration.ofSeconds(seconds), began);
            long start = System.nanoTime();
            long[] last = {-PROGRESS_EVERY_MS, -SNAPSHOT_EVERY_MS};
            long[] lastHard = {Long.MIN_VALUE};
            // the newest best that the rate limit kept back, {elapsed, hard, soft}; written before the final point
            // so the chart steps down when the score improved, not only when the solve ended
            long[][] heldBack = {null};
            Plan plan = TeamFormationSolver.solve(problem, left, solver -> {
                current[0] = solver;
                active = solver;
                if (stopped.get()) {
                    solver.terminateEarly();
                }
                solver.addEventListener(event -> {
                    long elapsed = (System.nanoTime() - start) / 1_000_000;
                    HardSoftScore score = (HardSoftScore) event.getNewBestScore();
                    if (!score.isSolutionInitialized()) {
                        return;
                    }
                    if (elapsed - last[0] >= PROGRESS_EVERY_MS || score.hardScore() > lastHard[0]) {
                        runs.progress(id, attempt, elapsed, -score.hardScore(), -score.softScore());
                        last[0] = elapsed;
                        lastHard[0] = score.hardScore();
                        heldBack[0] = null;
                    } else {
                        heldBack[0] = new long[] {elapsed, -score.hardScore(), -score.softScore()};
                    }
                    if (elapsed - last[1] >= SNAPSHOT_EVERY_MS) {
                        Plan snapshot = Formation.toPlan(event.getNewBestSolution(), elapsed);
                        runs.savePlan(id, json.writeValueAsString(snapshot), snapshot.score().hard(), snapshot.score().soft());
                        last[1] = elapsed;
                    }
                });
            });
            StaffingRunStatus status = stopped.get() ? StaffingRunStatus.STOPPED : StaffingRunStatus.SOLVED;
            tx.executeWithoutResult(t -> {
                long[] held = heldBack[0];
                if (held != null && held[0] < plan.solveMillis()) {
                    runs.progress(id, attempt, held[0], held[1], held[2]);
                }
                runs.progress(id, attempt, plan.solveMillis(), plan.score().hard(), plan.score().soft());
                if (runs.finish(id, status, json.writeValueAsString(plan), plan.score().hard(), plan.score().soft(), now())) {
                    audit.success(status == StaffingRunStatus.STOPPED ? "STAFFING_STOPPED" : "STAFFING_SOLVED",
                            "StaffingRun", id, "attempt=" + attempt + "; hard=" + plan.score().hard() + "; soft="
                                    + plan.score().soft() + "; millis=" + plan.solveMillis());
                }
            });
        } catch (RuntimeException | Error e) {
            log.warn("team formation run {} failed: {}", id, e.toString());
            tx.executeWithoutResult(t -> {
                if (runs.finish(id, StaffingRunStatus.FAILED, null, null, null, now())) {
                    audit.success("STAFFING_FAILED", "StaffingRun", id, "attempt=" + attempt + "; " + e.getClass().getSimpleName());
                }
            });
        } finally {
            active = null;
            beat.cancel(false);
        }
    }

    /** Runs left solving by an instance that stopped (crash, restart) are interrupted; they keep their last plan. */
    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
    @SchedulerLock(name = "staffing-interrupted-runs", lockAtMostFor = "PT5M")
    void interruptStale() {
        int n = runs.interruptStale(now().minus(STALE), now());
        if (n > 0) {
            log.warn("{} team formation run(s) without heartbeat marked interrupted", n);
        }
    }

    @Override
    public void destroy() {
        Solver<StaffingSolution> solving = active;
        if (solving != null) {
            solving.terminateEarly();
        }
        solvers.shutdownNow();
        beats.shutdownNow();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
