package org.xuncha.supervision.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.identity.DataScopes;
import org.xuncha.supervision.SupervisionWorld;

/**
 * The daily reminders (issue 15 §7, "Bad input"): a report due within a week and an overdue item become to-dos of
 * the TARGET and of the office, each once — a second run, two threads at once, and the command create nothing
 * more; the outbox holds one row per recipient account with a title and a link into the platform, and no finding
 * text, goal, person's name or organization name; each account sees its own to-dos only.
 */
@SpringBootTest(properties = "xuncha.test.context=supervision")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReminderTests {

    static final String WORDING = "问题一：违规向王某某发放津贴补贴十二万元。";

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired DailyReminders job;
    @Autowired ReminderCommand command;
    @Autowired ReminderStore store;
    @Autowired MockMvc mvc;

    SupervisionWorld sw;
    long plan;
    long feedback;
    long overdue;
    long report;
    long notYet;

    @BeforeAll
    void world() {
        sw = new SupervisionWorld(jdbc, encoder, clock, scopes, "rem", "6133");
        feedback = sw.lw.deliveredFeedback(sw.inspection, sw.lw.w.a1, 60);
        plan = sw.lw.plan(feedback, "APPROVED");
        overdue = sw.lw.item(plan, sw.lw.problem(feedback, 1, WORDING), 1, -3, "IN_PROGRESS");
        notYet = sw.lw.item(plan, sw.lw.problem(feedback, 2, "问题二：未按期整改。"), 2, 30, "IN_PROGRESS");
        report = sw.report(feedback, "SITUATION", "DRAFTING", 5);
    }

    long reminders(String subject) {
        return jdbc.sql("SELECT count(*) FROM supervision_reminder WHERE subject = :s").param("s", subject)
                .query(Long.class).single();
    }

    List<Map<String, Object>> outbox(String subject) {
        return jdbc.sql("""
                SELECT o.recipient_account_id, o.title, o.link FROM supervision_outbox o
                JOIN supervision_reminder r ON r.id = o.reminder_id WHERE r.subject = :s ORDER BY o.recipient_account_id
                """).param("s", subject).query().listOfRows();
    }

    @Test
    void twoRunsCreateEachToDoOnceWithOutboxRowsThatCarryNoCaseContent() {
        LocalDate today = sw.today();
        job.runOn(today);
        job.runOn(today);
        assertThat(command.run(List.of("--on=" + today))).isZero();
        assertThat(command.run(List.of("--on=gestern"))).isEqualTo(2);

        assertThat(reminders("item:" + overdue)).isEqualTo(1);
        assertThat(reminders("report:" + report)).isEqualTo(1);
        // the item due in 30 days is no to-do yet
        assertThat(reminders("item:" + notYet)).isZero();

        List<Map<String, Object>> office = outbox("item:" + overdue);
        assertThat(office).extracting(r -> ((Number) r.get("recipient_account_id")).longValue())
                .containsExactly(sw.lw.w.user("office-a"));
        List<Map<String, Object>> target = outbox("report:" + report);
        assertThat(target).extracting(r -> ((Number) r.get("recipient_account_id")).longValue())
                .containsExactly(sw.lw.w.user("target-a1"));
        assertThat(target.get(0).get("link")).isEqualTo("/rectification/reports/" + report);
        assertThat(office.get(0).get("link")).isEqualTo("/rectification/items/" + overdue);
        for (Map<String, Object> row : List.of(office.get(0), target.get(0))) {
            String title = (String) row.get("title");
            assertThat(title).doesNotContain("王某某", "津贴补贴", "整改目标", "张副局长", "李经办", "甲县水务局",
                    "办公室");
            assertThat(WORDING).doesNotContain(title);
        }
        // the TARGET sees its report to-do, not the office's; the office the reverse; another county neither
        assertThat(store.of(sw.lw.scope("target-a1"), 500)).extracting(ReminderStore.Reminder::link)
                .contains("/rectification/reports/" + report).doesNotContain("/rectification/items/" + overdue);
        assertThat(store.of(sw.lw.scope("office-a"), 500)).extracting(ReminderStore.Reminder::link)
                .contains("/rectification/items/" + overdue).doesNotContain("/rectification/reports/" + report);
        assertThat(store.of(sw.lw.scope("office-b"), 500)).extracting(ReminderStore.Reminder::link)
                .doesNotContain("/rectification/items/" + overdue, "/rectification/reports/" + report);
        assertThat(store.of(sw.lw.scope("leader-a"), 500)).isEmpty();
    }

    @Test
    void twoInstancesAtOnceCreateEachToDoOnce() throws Exception {
        long late = sw.lw.item(plan, sw.lw.problem(feedback, 3, "问题三：超期未改。"), 3, -1, "IN_PROGRESS");
        LocalDate today = sw.today();
        CyclicBarrier start = new CyclicBarrier(2);
        Runnable run = () -> {
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            job.runOn(today);
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Void> a = CompletableFuture.runAsync(run, two);
            CompletableFuture<Void> b = CompletableFuture.runAsync(run, two);
            CompletableFuture.allOf(a, b).get(60, TimeUnit.SECONDS);
        } finally {
            two.shutdownNow();
        }
        assertThat(reminders("item:" + late)).isEqualTo(1);
        assertThat(outbox("item:" + late)).hasSize(1);
    }

    @Test
    void thePageListsTheCallersOwnToDos() throws Exception {
        job.runOn(sw.today());
        String office = mvc.perform(get("/supervision/reminders").with(sw.lw.w.as("office-a"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(office).contains("/rectification/items/" + overdue).doesNotContain("/rectification/reports/" + report);
        // the time it was raised, in the business zone (stored in UTC)
        java.time.OffsetDateTime raised = jdbc.sql("SELECT created_at FROM supervision_reminder WHERE subject = :s")
                .param("s", "item:" + overdue).query(java.time.OffsetDateTime.class).single();
        assertThat(office).contains(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(raised.atZoneSameInstant(clock.getZone())));
        String target = mvc.perform(get("/supervision/reminders").with(sw.lw.w.as("target-a1"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(target).contains("/rectification/reports/" + report, "整改报告待报送");
    }
}
