package org.xuncha.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/** The hourly checkpoint: scheduled by cron in the business zone, one instance at a time, none for an idle hour. */
@SpringBootTest(properties = AuditTampering.CONTEXT)
// MockMvc unused here: it makes this the context of AuditPageTamperTests, one start (and database) for the tamper tests
@AutoConfigureMockMvc
class HourlyCheckpointTests {

    @Autowired HourlyCheckpoint job;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail trail;
    @Autowired ApplicationContext context;
    @Autowired ScheduledTaskHolder scheduled;

    AuditTampering attacker;

    @BeforeEach
    void chainOfThree() {
        attacker = new AuditTampering(jdbc, context);
        attacker.startEmpty();
        AuditTampering.append(trail, 3);
        jdbc.sql("UPDATE shedlock SET lock_until = :past").param("past", java.time.OffsetDateTime.parse("2000-01-01T00:00:00Z"))
                .update();
    }

    @Test
    void isScheduledHourlyInTheBusinessZone() {
        assertThat(scheduled.getScheduledTasks()).anySatisfy(t -> {
            assertThat(t.getTask()).isInstanceOf(CronTask.class);
            assertThat(((CronTask) t.getTask()).getExpression()).isEqualTo("0 0 * * * *");
            assertThat(t.getTask().toString()).contains("HourlyCheckpoint.checkpoint");
        });
    }

    @Test
    void writesASignedLineAndRecordsItThenSkipsAnIdleHour() throws IOException {
        job.checkpoint();
        assertThat(Files.readAllLines(attacker.checkpointFile())).singleElement().asString().startsWith("v1 1 3 ");
        assertThat(jdbc.sql("SELECT actor || ' ' || action || ' ' || object_id || ' ' || detail FROM audit_record WHERE seq = 4")
                .query(String.class).single()).startsWith("system AUDIT_CHECKPOINT 1 via=schedule line=1 seq=3 line-hash=");

        job.checkpoint(); // within lockAtLeastFor: skipped by the lock (another instance would be too)
        unlock();
        job.checkpoint(); // nothing new but the checkpoint's own record: no line
        assertThat(Files.readAllLines(attacker.checkpointFile())).hasSize(1);

        AuditTampering.append(trail, 1);
        unlock();
        job.checkpoint();
        assertThat(Files.readAllLines(attacker.checkpointFile())).hasSize(2).last().asString().startsWith("v1 2 5 ");
    }

    private void unlock() {
        // Far in the past, not "an hour ago": lock_until is a TIMESTAMP without zone, which PostgreSQL reads in the
        // session's zone, so an hour ago in UTC is still ahead of its clock for a JVM at UTC+14. (Deleting the row
        // does not work: ShedLock remembers the rows it inserted and only updates them.)
        jdbc.sql("UPDATE shedlock SET lock_until = :past WHERE name = 'audit-checkpoint'")
                .param("past", java.time.OffsetDateTime.parse("2000-01-01T00:00:00Z")).update();
    }
}
