package org.xuncha.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.xuncha.audit.AuditTampering;
import org.xuncha.audit.AuditTrail;

/** The daily verification: scheduled by cron, guarded by the ShedLock row, and recorded in the trail. */
@SpringBootTest(properties = AuditTampering.CONTEXT)
// MockMvc unused here: it makes this the context of AuditPageTamperTests, one start (and database) for the tamper tests
@AutoConfigureMockMvc
class DailyChainVerificationTests {

    @Autowired DailyChainVerification job;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired AuditTrail trail;
    @Autowired ScheduledTaskHolder scheduled;

    AuditTampering attacker;

    @BeforeEach
    void chainOfFour() {
        attacker = new AuditTampering(jdbc, context);
        attacker.startEmpty();
        AuditTampering.append(trail, 4);
        // Release the lock of an earlier test as its lockAtLeastFor running out would (the provider keeps the row).
        // ShedLock compares with the database's own time (usingDbTime), not the business clock: any past instant.
        jdbc.sql("UPDATE shedlock SET lock_until = :past").param("past", OffsetDateTime.parse("2000-01-01T00:00:00Z"))
                .update();
    }

    @Test
    void isScheduledDaily() {
        assertThat(scheduled.getScheduledTasks()).anySatisfy(t -> {
            assertThat(t.getTask()).isInstanceOf(CronTask.class);
            assertThat(((CronTask) t.getTask()).getExpression()).isEqualTo("0 30 2 * * *");
            assertThat(t.getTask().toString()).contains("DailyChainVerification.verifyChain");
        });
    }

    @Test
    void recordsSuccessAndRunsOnceWhileLocked() {
        job.verifyChain();
        assertThat(verifiedRecords()).isEqualTo(1);
        assertThat(lastDetail()).isEqualTo("SUCCESS system via=schedule checked=4");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shedlock WHERE name = 'audit-chain-verification'")
                .query(Long.class).single()).isEqualTo(1);

        job.verifyChain(); // another instance within lockAtLeastFor: skipped by the lock
        assertThat(verifiedRecords()).isEqualTo(1);
    }

    @Test
    void recordsFailureWithTheBrokenRecord() {
        attacker.delete(2);
        job.verifyChain();
        assertThat(lastDetail()).isEqualTo("FAILURE system via=schedule checked=1 break=MISSING seq=2");
    }

    private long verifiedRecords() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'AUDIT_VERIFIED'").query(Long.class).single();
    }

    private String lastDetail() {
        return jdbc.sql("SELECT result, actor, detail FROM audit_record ORDER BY seq DESC LIMIT 1")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).single();
    }
}
