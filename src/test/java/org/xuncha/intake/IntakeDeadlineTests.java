package org.xuncha.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.common.DataScope;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.PendingWork;

/**
 * Deadlines before disposition: a petition is received with a triage deadline {@link Petitions#TRIAGE_DAYS} days
 * after receipt, so a RECEIVED or TRIAGED petition past it is flagged overdue in the register, in 待办 and in the
 * API, like a missed handling deadline; disposition replaces it with the handling deadline; V7_3 gives petitions
 * received before the change theirs.
 */
@SpringBootTest(properties = "xuncha.test.context=intake")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeDeadlineTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired Petitions petitions;
    @Autowired List<PendingWork> pendingWork;

    IntakeWorld w;

    @BeforeAll
    void world() {
        w = new IntakeWorld(jdbc, encoder, clock, "idue", "5308");
    }

    long report(String content) {
        petitions.submitReport(w.code, new ReportDraft(w.a1, "MASSES", content, true, null, null), List.of());
        return jdbc.sql("SELECT max(id) FROM petition").query(Long.class).single();
    }

    /** Moves a petition's receipt, and whatever deadline the receipt gave it, {@code days} back in time. */
    void receivedDaysAgo(long id, int days) {
        LocalDate due = dueOn(id);
        jdbc.sql("UPDATE petition SET received_on = :on, received_at = :at, due_on = :due WHERE id = :id")
                .param("on", petitions.today().minusDays(days))
                .param("at", clock.instant().atOffset(ZoneOffset.UTC).minusDays(days))
                .param("due", due == null ? null : due.minusDays(days)).param("id", id).update();
    }

    LocalDate dueOn(long id) {
        return jdbc.sql("SELECT due_on FROM petition WHERE id = :id").param("id", id).query(LocalDate.class).list().get(0);
    }

    int version(long id) {
        return jdbc.sql("SELECT version FROM petition WHERE id = :id").param("id", id).query(Integer.class).single();
    }

    String get(String who, String path, Map<String, String> params) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).with(w.as(who));
        params.forEach(request::param);
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    PendingWork.Item teamPending() {
        DataScope team = scopes.of(w.principal("team-member"));
        return pendingWork.stream().flatMap(p -> p.pendingFor(team).stream())
                .filter(i -> i.label().equals("未办结的信访件")).findFirst().orElseThrow();
    }

    @Test
    void aPetitionIsReceivedWithATriageDeadlineAWeekLater() {
        long id = report("村委会账目长期不公开，群众意见很大。");
        assertThat(dueOn(id)).isEqualTo(petitions.today().plusDays(Petitions.TRIAGE_DAYS));
        assertThat(petitions.find(scopes.of(w.principal("team-member")), id).overdue()).isFalse();
    }

    @Test
    void aReceivedPetitionEightDaysOldIsOverdueInTheRegisterPendingWorkAndTheApi() throws Exception {
        long before = teamPending().overdue();
        long old = report("八天前收到的举报：街道办违规发放补贴。");
        receivedDaysAgo(old, 8);
        long recent = report("六天前收到的举报：学校食堂采购不透明。");
        receivedDaysAgo(recent, 6);

        String list = get("team-member", "/petitions", Map.of("overdue", "true"));
        assertThat(list).contains("街道办违规发放补贴").contains("xc-overdue-flag").doesNotContain("学校食堂采购不透明");
        String all = get("team-member", "/petitions", Map.of());
        assertThat(all).contains("学校食堂采购不透明");
        assertThat(get("team-member", "/petitions/" + old, Map.of())).contains("研判分办期限").contains("xc-overdue-flag");

        assertThat(teamPending().overdue()).isEqualTo(before + 1);

        assertThat(get("team-member", "/api/petitions/" + old, Map.of())).contains("\"overdue\":true");
        assertThat(get("team-member", "/api/petitions/" + recent, Map.of())).contains("\"overdue\":false");
        assertThat(get("team-member", "/api/petitions", Map.of("overdue", "true"))).contains("街道办违规发放补贴")
                .doesNotContain("学校食堂采购不透明");
    }

    @Test
    void aTriagedPetitionPastItIsOverdueAndDispositionSetsTheHandlingDeadline() throws Exception {
        long id = report("十天前收到的举报：镇干部违规插手工程。");
        receivedDaysAgo(id, 10);
        mvc.perform(post("/petitions/" + id + "/triage").with(csrf()).with(w.as("team-member"))
                .param("version", "" + version(id)).param("inScope", "true"));
        assertThat(jdbc.sql("SELECT status FROM petition WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("TRIAGED");
        assertThat(petitions.find(scopes.of(w.principal("team-member")), id).overdue()).isTrue();

        mvc.perform(post("/petitions/" + id + "/dispose").with(csrf()).with(w.as("team-member"))
                .param("version", "" + version(id)).param("disposition", "SELF"));
        assertThat(dueOn(id)).isEqualTo(petitions.today().plusDays(Petitions.DEFAULT_DAYS));
        assertThat(petitions.find(scopes.of(w.principal("team-member")), id).overdue()).isFalse();
        assertThat(get("team-member", "/petitions/" + id, Map.of())).contains("办理期限").doesNotContain("研判分办期限");
    }

    @Test
    void theMigrationGivesEarlierPetitionsTheirTriageDeadline() throws IOException {
        long id = report("迁移前收到的举报：社区物业费使用不公开。");
        receivedDaysAgo(id, 9);
        jdbc.sql("UPDATE petition SET due_on = NULL WHERE id = :id").param("id", id).update();
        String sql;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V7_3__intake_triage_deadline.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder statement = new StringBuilder();
        sql.lines().filter(l -> !l.startsWith("--")).forEach(l -> statement.append(l).append('\n'));
        jdbc.sql(statement.toString().strip().replaceAll(";$", "")).update();
        assertThat(dueOn(id)).isEqualTo(petitions.today().minusDays(9).plusDays(Petitions.TRIAGE_DAYS));
        assertThat(petitions.find(scopes.of(w.principal("team-member")), id).overdue()).isTrue();
    }
}
