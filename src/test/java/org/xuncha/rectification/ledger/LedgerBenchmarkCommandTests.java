package org.xuncha.rectification.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.identity.DataScopes;
import org.xuncha.organization.InspectionBodies;

/**
 * The ledger benchmark on a small world (city code 6059): the service and the hand-written statement agree on every
 * caller and filter (exit 0, one line per case plus the pooled line), bad arguments exit 2. Timings are not
 * asserted: they are the benchmark's output, measured at province scale (docs/benchmarks.md).
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-ledger")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerBenchmarkCommandTests {

    @Autowired LedgerItems items;
    @Autowired InspectionBodies bodies;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;

    @BeforeAll
    void world() {
        LedgerWorld lw = new LedgerWorld(jdbc, encoder, clock, scopes, "lbm", "6059");
        long feedback = lw.deliveredFeedback(lw.w.feedback, lw.w.a1, 40);
        long plan = lw.plan(feedback, "APPROVED");
        lw.item(plan, lw.problem(feedback, 1, "超期问题"), 1, -5, "IN_PROGRESS");
        lw.item(plan, lw.problem(feedback, 2, "近期问题"), 2, 5, "NOT_STARTED");
        lw.item(plan, lw.problem(feedback, 3, "已销号问题"), 3, 30, "SIGNED_OFF");
        long draft = lw.plan(lw.deliveredFeedback(lw.w.feedback, lw.a2, 5), "DRAFTING");
        assert draft > 0;
    }

    @Test
    void serviceAndRawStatementAgreeForEveryCallerAndFilter() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LedgerBenchmarkCommand command = new LedgerBenchmarkCommand(items, bodies, jdbc, dataSource,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit = command.run(List.of("--runs=2", "--warmup=0"));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(exit).isZero();
        assertThat(printed).contains("office of body", "TARGET of organization", "status SIGN_OFF_REQUESTED",
                "band OVERDUE", "IN_PROGRESS + OVERDUE", "（全部测量）");
    }

    @Test
    void badArgumentsExitTwo() {
        LedgerBenchmarkCommand command = new LedgerBenchmarkCommand(items, bodies, jdbc, dataSource,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(command.run(List.of("--runs=0"))).isEqualTo(2);
        assertThat(command.run(List.of("--fast"))).isEqualTo(2);
        assertThat(command.run(List.of("--runs=x"))).isEqualTo(2);
    }
}
