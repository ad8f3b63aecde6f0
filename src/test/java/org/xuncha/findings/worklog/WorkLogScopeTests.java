package org.xuncha.findings.worklog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

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
import org.xuncha.findings.WorkLogCounts;
import org.xuncha.findings.WorkLogs;
import org.xuncha.common.InspectionId;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.NotFoundInScope;

/**
 * Who reads a work log, in SQL and over HTTP: the inspection's team everything (a talk's sealed fields too); the
 * office and the leading group of the inspection's body the log and its counts, not the sealed fields; another team,
 * another county's office, TARGET, COLLABORATOR, DISCIPLINE and ORG_DEPT nothing — not the log, not a count, and a
 * forged id answers as not found.
 */
@SpringBootTest(properties = "xuncha.test.context=findings")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkLogScopeTests {

    static final List<String> TEAM = List.of("team-member", "team-leader");
    static final List<String> READ_ONLY = List.of("office-a", "leader-a");
    static final List<String> NOBODY = List.of("other-member", "b-leader", "office-b", "target-a1", "collaborator-a",
            "discipline-a", "orgdept-a");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired TeamWorkLogs logs;
    @Autowired WorkLogRepository repository;
    @Autowired WorkLogs workLogs;

    WorkLogWorld world;
    long talk;
    long inspection;

    @BeforeAll
    void world() {
        world = new WorkLogWorld(jdbc, encoder, clock, scopes, "wlscope", "5342");
        inspection = world.w.inspection;
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        DataScope member = world.scope("team-member");
        talk = logs.record(member, inspection, WorkLogWorld.talk(yesterday, world.team(inspection), "赵某", "主任",
                "记录"), List.of());
        logs.record(member, inspection, WorkLogWorld.visit(yesterday, 8), List.of());
    }

    @Test
    void theTeamReadsTheLogAndOpensTheTalk() {
        for (String who : TEAM) {
            DataScope s = world.scope(who);
            assertThat(logs.view(s, talk).id()).as(who).isEqualTo(talk);
            assertThat(logs.list(s, null, null)).as(who).extracting(l -> l.id()).contains(talk);
            assertThat(workLogs.countsOf(s, InspectionId.of(inspection)).talks()).as(who).isEqualTo(1);
            assertThat(logs.openTalk(s, talk).intervieweeName()).as(who).isEqualTo("赵某");
        }
    }

    @Test
    void theOfficeAndTheLeadingGroupSeeTheLogAndCountsButNotTheSealedText() {
        for (String who : READ_ONLY) {
            DataScope s = world.scope(who);
            assertThat(logs.view(s, talk).id()).as(who).isEqualTo(talk);
            assertThat(workLogs.countsOf(s, InspectionId.of(inspection)))
                    .as(who).isEqualTo(new WorkLogCounts(1, 1, 8, 0, 0, 0, 0, 0, 0, 0));
            assertThat(logs.onTeam(s, logs.view(s, talk))).as(who).isFalse();
            assertThatThrownBy(() -> logs.openTalk(s, talk)).as(who).isInstanceOf(NotFoundInScope.class);
        }
    }

    @Test
    void everyOtherScopeGetsNothingNotEvenACount() {
        for (String who : NOBODY) {
            DataScope s = world.scope(who);
            assertThat(repository.find(talk, s)).as(who).isEmpty();
            assertThat(repository.list(inspection, null, s, 100)).as(who).isEmpty();
            assertThat(repository.list(null, null, s, 100)).as(who).extracting(l -> l.inspectionId())
                    .doesNotContain(inspection);
            assertThat(repository.logsPerKind(inspection, s).values()).as(who).allMatch(n -> n == 0L);
            assertThat(workLogs.countsOf(s, InspectionId.of(inspection))).as(who).isEqualTo(WorkLogCounts.NONE);
            assertThatThrownBy(() -> logs.view(s, talk)).as(who).isInstanceOf(NotFoundInScope.class);
            assertThatThrownBy(() -> logs.openTalk(s, talk)).as(who).isInstanceOf(NotFoundInScope.class);
        }
    }

    @Test
    void overHttpAForeignTeamGetsNotFoundAndOtherRolesAreRefused() throws Exception {
        for (String who : List.of("other-member", "b-leader")) {
            mvc.perform(get("/work-logs/" + talk).with(world.as(who))).andExpect(status().isNotFound());
            mvc.perform(get("/api/work-logs/" + talk).with(world.as(who))).andExpect(status().isNotFound());
            mvc.perform(post("/api/work-logs/" + talk + "/talk").with(world.as(who)).with(csrf()))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/work-logs/" + talk).with(world.as("office-b"))).andExpect(status().isNotFound());
        for (String who : List.of("target-a1", "collaborator-a", "discipline-a", "orgdept-a")) {
            mvc.perform(get("/work-logs/" + talk).with(world.as(who))).andExpect(status().isForbidden());
            mvc.perform(get("/api/work-logs/counts").param("inspection", Long.toString(inspection))
                    .with(world.as(who))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/work-logs/" + talk + "/talk").with(world.as("office-a")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/work-logs/" + talk).with(world.as("leader-a"))).andExpect(status().isOk());
        mvc.perform(post("/work-logs/" + talk + "/talk").with(world.as("team-leader")).with(csrf()))
                .andExpect(status().isOk());
    }
}
