package org.xuncha.supervision.revisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.common.DataScope;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * 专项督查 (issue 15 §3): the office picks a fed-back organization's items (all, or one), the joint team's findings
 * per item confirm, reopen through the ledger or raise a red card, the status moves and their refusals, and who
 * reads (the TARGET and the teams read nothing). City code 6113.
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-ledger")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpecialCheckTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired SpecialChecks checks;
    @Autowired RevisitScheduling scheduling;
    @Autowired MockMvc mvc;

    RevisitWorld rw;

    @BeforeAll
    void world() {
        rw = new RevisitWorld(jdbc, encoder, clock, scopes, "spc", "6113");
    }

    DataScope as(String who) {
        return rw.lw.scope(who);
    }

    long revisitOf(RevisitWorld.FedBack f) {
        scheduling.on(f.event());
        return await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT id FROM supervision_revisit"
                        + " WHERE inspection_id = :i").param("i", f.inspection()).query(Long.class).optional(),
                Optional::isPresent).get();
    }

    int version(long check) {
        return jdbc.sql("SELECT row_version FROM supervision_special_check WHERE id = :id").param("id", check)
                .query(Integer.class).single();
    }

    @Test
    void aJointTeamChecksChosenItemsAndEachFindingIsCarriedOutByTheLedger() {
        RevisitWorld.FedBack f = rw.fedBack(rw.lw.w.a1, 120);
        long confirmed = rw.item(f, 1, "SIGNED_OFF");
        long reopened = rw.item(f, 2, "LONG_TERM");
        long carded = rw.item(f, 3, "SIGNED_OFF");
        long revisit = revisitOf(f);
        DataScope office = as("office-a");
        assertThatThrownBy(() -> checks.create(office, "食堂整改专项督查", " ", rw.lw.today()))
                .isInstanceOf(UserInputException.class).hasMessageContaining("联合督查组");
        assertThatThrownBy(() -> checks.create(as("leader-a"), "x", "y", rw.lw.today()))
                .isInstanceOf(AccessDeniedException.class);
        long id = checks.create(office, "食堂整改专项督查", "县委巡察办、县纪委监委、县委组织部", rw.lw.today());
        assertThatThrownBy(() -> checks.start(office, id, version(id)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("请先选择");
        assertThat(checks.choose(office, id, version(id), revisit, confirmed)).isEqualTo(1);
        assertThat(checks.choose(office, id, version(id), revisit, null)).isEqualTo(2);
        assertThat(checks.choose(office, id, version(id), revisit, null)).isZero();
        checks.start(office, id, version(id));
        assertThatThrownBy(() -> checks.choose(office, id, version(id), revisit, null))
                .isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> checks.complete(office, id, version(id)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("每个督查事项");
        checks.record(office, id, version(id), confirmed, ItemOutcome.CONFIRMED, null);
        int stale = version(id);
        checks.record(office, id, stale, reopened, ItemOutcome.REOPENED, "阶段目标未按期完成");
        assertThatThrownBy(() -> checks.record(office, id, stale, carded, ItemOutcome.RED_CARD, "台账造假"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已被他人更新");
        assertThatThrownBy(() -> checks.record(office, id, version(id), carded, ItemOutcome.RED_CARD, ""))
                .isInstanceOf(UserInputException.class).hasMessageContaining("督查发现");
        checks.record(office, id, version(id), carded, ItemOutcome.RED_CARD, "台账与实际不符");
        assertThat(rw.lw.status(reopened)).isEqualTo("REOPENED");
        assertThat(jdbc.sql("SELECT match_key FROM rectification_red_card WHERE item_id = :i AND kind = 'REVISIT'")
                .param("i", carded).query(String.class).single()).isEqualTo("special-check:" + id);
        checks.complete(office, id, version(id));
        assertThat(checks.get(office, id).status()).isEqualTo(SpecialCheckStatus.COMPLETED);
        // created, three choices (the last adding nothing), started, three findings, completed
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE object_type = 'SpecialCheck'"
                + " AND object_id = :id").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(9);

        for (String reader : List.of("office-city", "leader-a", "discipline-a", "orgdept-a")) {
            assertThat(checks.list(as(reader))).as(reader).anyMatch(c -> c.id() == id);
        }
        for (String outsider : List.of("office-b", "target-a1", "team-leader", "collaborator-a")) {
            assertThat(checks.list(as(outsider))).as(outsider).noneMatch(c -> c.id() == id);
            assertThatThrownBy(() -> checks.get(as(outsider), id)).isInstanceOf(NotFoundInScope.class);
        }
    }

    @Test
    void theOfficeCreatesAndStartsOnThePages() throws Exception {
        var created = mvc.perform(post("/supervision/special-checks").with(rw.lw.w.as("office-a")).with(csrf())
                .param("title", "专项督查甲").param("jointTeam", "巡察办、纪委监委")
                .param("plannedOn", rw.lw.today().toString())).andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(302);
        long id = Long.parseLong(created.getRedirectedUrl().replaceAll(".*/", ""));
        String page = mvc.perform(get("/supervision/special-checks/" + id).with(rw.lw.w.as("office-a")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("专项督查甲").contains("巡察办、纪委监委").contains("choose-form");
        var refused = mvc.perform(post("/supervision/special-checks/" + id + "/start").with(rw.lw.w.as("office-a"))
                .with(csrf()).param("version", String.valueOf(version(id)))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("请先选择督查的单位或整改事项");
        assertThat(mvc.perform(get("/supervision/special-checks/" + id).with(rw.lw.w.as("target-a1"))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
    }
}
