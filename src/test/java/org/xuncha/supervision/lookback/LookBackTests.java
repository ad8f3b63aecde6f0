package org.xuncha.supervision.lookback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.common.Role;
import org.xuncha.identity.DataScopes;
import org.xuncha.rectification.ledger.LedgerWorld;

/**
 * 回头看 (issue 15 §3): the LOOK_BACK inspection's page shows the original inspection's ledger; linking one of its
 * findings to a signed-off original item raises one 反弹 red card (rectification's RelapseReports), however often
 * it is sent; the coverage counts fed-back organizations with a stationed 回头看 over fed-back organizations, per
 * body. City code 6114.
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-ledger")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LookBackTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired LookBacks lookBacks;
    @Autowired MockMvc mvc;

    LedgerWorld lw;
    long feedback;
    long plan;
    long lookBack;
    long item;

    @BeforeAll
    void world() {
        lw = new LedgerWorld(jdbc, encoder, clock, scopes, "lbk", "6114");
        jdbc.sql("UPDATE inspection SET feedback_on = :on WHERE id = :i").param("on", lw.today().minusDays(400))
                .param("i", lw.w.feedback).update();
        feedback = lw.deliveredFeedback(lw.w.feedback, lw.w.a1, 400);
        plan = lw.plan(feedback, "APPROVED");
        item = lw.item(plan, lw.problem(feedback, 1, "问题1：公车私用。"), 1, -200, "IN_PROGRESS");
        lw.status(item, "SIGNED_OFF", lw.today().minusDays(200));
        long round = lw.w.round(lw.w.countyA, lw.w.term(lw.w.countyA));
        // a2 was fed back by another inspection, and has only a 回头看 still in preparation
        long other = lw.w.inspection(lw.w.countyA, round, "甲县委第八巡察组", "FEEDBACK", lw.a2, false);
        jdbc.sql("UPDATE inspection SET feedback_on = :on WHERE id = :i").param("on", lw.today().minusDays(300))
                .param("i", other).update();
        long preparing = lw.w.inspection(lw.w.countyA, round, "甲县委回头看二组", "PREPARING", lw.a2, false);
        jdbc.sql("UPDATE inspection SET mode = 'LOOK_BACK', look_back_of = :of WHERE id = :i")
                .param("of", other).param("i", preparing).update();
        lookBack = lw.w.inspection(lw.w.countyA, round, "甲县委回头看巡察组", "STATIONED", lw.w.a1, false);
        jdbc.sql("UPDATE inspection SET mode = 'LOOK_BACK', look_back_of = :of WHERE id = :i")
                .param("of", lw.w.feedback).param("i", lookBack).update();
        lw.w.member("lb-member", "回头看组员", Role.TEAM_MEMBER, "MEMBER", lookBack, lw.w.countyA);
    }

    long finding(long inspection, long organization, String title) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        String no = "lbk-" + inspection + "-" + title.hashCode();
        jdbc.sql("""
                INSERT INTO working_paper (inspection_id, seq, paper_no, title, facts, source, illegal_fen, loss_fen,
                                           finder_id, finder_name, found_on, writer_id, writer_name, written_at,
                                           status, content_version, row_version, created_at, updated_at)
                VALUES (:i, :seq, :no, :t, '事实', 'RECORDS', 0, 0, 1, '组员', :today, 1, '组员', :now, 'APPROVED', 1,
                        1, :now, :now)
                """).param("i", inspection).param("seq", Math.abs(title.hashCode() % 100000)).param("no", no)
                .param("t", title).param("today", LocalDate.now(clock)).param("now", now).update();
        long paper = jdbc.sql("SELECT id FROM working_paper WHERE paper_no = :no").param("no", no).query(Long.class)
                .single();
        long heading = jdbc.sql("SELECT min(id) FROM finding_heading_item WHERE body_id IS NULL AND level = 1")
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO finding (inspection_id, paper_id, title, description, organization_id, scheme, heading_id,
                    level1_id, severity, key_problem, illegal_fen, loss_fen, status, rectified, row_version,
                    created_by, created_by_name, created_at, updated_at)
                VALUES (:i, :p, :t, '描述', :o, 'FOUR_IMPLEMENTATIONS', :h, :h, 'SERIOUS', FALSE, 0, 0, 'RECORDED',
                    FALSE, 1, 1, '组长', :now, :now)
                """).param("i", inspection).param("p", paper).param("t", title).param("o", organization)
                .param("h", heading).param("now", now).update();
        return jdbc.sql("SELECT id FROM finding WHERE paper_id = :p").param("p", paper).query(Long.class).single();
    }

    long relapseCards(long onItem) {
        return jdbc.sql("SELECT count(*) FROM rectification_red_card WHERE item_id = :i AND kind = 'RELAPSE'")
                .param("i", onItem).query(Long.class).single();
    }

    @Test
    void theLookBackPageShowsTheOriginalLedgerAndLinksAFindingToARelapseCardOnce() throws Exception {
        long finding = finding(lookBack, lw.w.a1, "公车私用问题再次出现");
        String page = mvc.perform(get("/supervision/look-back/" + lookBack).with(lw.w.as("office-a"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-item-id=\"" + item + "\"").contains("问题1：公车私用。")
                .contains("data-finding-id=\"" + finding + "\"");
        for (String who : new String[] {"lb-member", "lb-member"}) {
            var linked = mvc.perform(post("/supervision/look-back/" + lookBack + "/relapses").with(lw.w.as(who))
                    .with(csrf()).param("finding", String.valueOf(finding)).param("item", String.valueOf(item)))
                    .andReturn().getResponse();
            assertThat(linked.getStatus()).isEqualTo(302);
        }
        assertThat(relapseCards(item)).isEqualTo(1);
        var refused = mvc.perform(post("/supervision/look-back/" + lookBack + "/relapses").with(lw.w.as("office-a"))
                .with(csrf()).param("finding", String.valueOf(finding))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("请选择原巡察的整改事项");
        // not a 回头看: not found; a reader outside the body: not found
        assertThat(mvc.perform(get("/supervision/look-back/" + lw.w.feedback).with(lw.w.as("office-a")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/supervision/look-back/" + lookBack).with(lw.w.as("office-b")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/supervision/look-back/" + lookBack).with(lw.w.as("target-a1")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void coverageCountsFedBackOrganizationsWithAStationedLookBackPerBody() throws Exception {
        var county = lookBacks.coverage(lw.scope("office-a")).stream().filter(c -> c.bodyId() == lw.w.countyA)
                .findFirst().orElseThrow();
        assertThat(county.fedBack()).isEqualTo(2);
        assertThat(county.covered()).isEqualTo(1);
        assertThat(county.rate()).isEqualByComparingTo("50.0");
        assertThat(lookBacks.coverage(lw.scope("office-city"))).anyMatch(c -> c.bodyId() == lw.w.countyA);
        assertThat(lookBacks.coverage(lw.scope("office-b"))).noneMatch(c -> c.bodyId() == lw.w.countyA);
        assertThat(lookBacks.coverage(lw.scope("target-a1"))).isEmpty();
        String page = mvc.perform(get("/supervision/look-back").with(lw.w.as("office-a"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(LookBacks.DEFINITION).contains("50.0%")
                .contains("data-inspection-id=\"" + lookBack + "\"");
    }
}
