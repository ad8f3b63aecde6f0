package org.xuncha.audit.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditVerification;

/**
 * Runs the auditor's verifications in the background, one at a time on each instance: a trail of millions of
 * records takes minutes, longer than a request should wait. Progress goes to audit_verification_run after every
 * page of records (at most twice a second), which is also the heartbeat; a run whose heartbeat stopped for
 * {@link #STALE} is shown as interrupted. The run acts as the auditor who started it, so its AUDIT_CHECKPOINT
 * and AUDIT_VERIFIED records name them. While a run is going, asking again returns that run.
 */
@Component
class BackgroundVerification implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackgroundVerification.class);
    static final Duration STALE = Duration.ofMinutes(2);
    private static final long PROGRESS_EVERY_MS = 500;

    private final AuditVerification verification;
    private final VerificationRunRepository runs;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "audit-verification");
        t.setDaemon(true);
        return t;
    });

    BackgroundVerification(AuditVerification verification, VerificationRunRepository runs, Clock clock) {
        this.verification = verification;
        this.runs = runs;
        this.clock = clock;
    }

    /** A started (or the already running) verification, and this instance's handle on it when it started it. */
    record Started(long id, Future<?> done) {
    }

    /** Starts a verification as {@code auditor}, or returns the one already running. */
    synchronized Started start(Authentication auditor) {
        runs.interruptStale(clock.instant().minus(STALE), clock.instant());
        Optional<VerificationRun> running = runs.running();
        if (running.isPresent()) {
            return new Started(running.get().id(), null);
        }
        long id = runs.start(auditor.getName(), clock.instant());
        Future<?> done = worker.submit(() -> run(id, auditor));
        return new Started(id, done);
    }

    /** Waits up to {@code wait} for a run this instance started; a short trail is verified before the page answers. */
    static void await(Started started, Duration wait) {
        if (started.done() == null) {
            return;
        }
        try {
            started.done().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Still running: the page polls for it.
        } catch (ExecutionException e) {
            // Already recorded as failed by run().
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Optional<VerificationRun> find(long id) {
        runs.interruptStale(clock.instant().minus(STALE), clock.instant());
        return runs.find(id);
    }

    private void run(long id, Authentication auditor) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auditor);
        SecurityContextHolder.setContext(context);
        long[] last = {Long.MIN_VALUE};
        try {
            var result = verification.verifyAndRecord("page", (checked, total) -> {
                long now = System.nanoTime() / 1_000_000;
                if (now - last[0] >= PROGRESS_EVERY_MS) {
                    runs.progress(id, checked, total, clock.instant());
                    last[0] = now;
                }
            });
            runs.finish(id, result, clock.instant());
        } catch (RuntimeException e) {
            log.warn("audit verification run {} failed: {}", id, e.toString());
            runs.fail(id, clock.instant());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
