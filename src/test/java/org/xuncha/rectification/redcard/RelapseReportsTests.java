package org.xuncha.rectification.redcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.common.Role;
import org.xuncha.findings.FindingId;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.RectificationItemId;
import org.xuncha.rectification.RelapseReports;
import org.xuncha.rectification.ledger.LedgerWorld;

/**
 * 回头看发现问题反弹 (issue 14 §6): a finding of a LOOK_BACK inspection whose look_back_of is the item's inspection, of
 * the same organization, linked to a signed-off item by the office of the item's body or by the 回头看 team, raises
 * one RELAPSE card; an item not signed off, a finding of a REGULAR later inspection, of another organization, or
 * linked by someone else is refused; linking twice raises one card. City code 6023.
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-ledger")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelapseReportsTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired RelapseReports relapses;
    @Autowired MockMvc mvc;

    LedgerWorld lw;
    long plan;
    long feedback;
    long lookBack;
    long regular;
    int next;

    @BeforeAll
    void world() {
        lw = new LedgerWorld(jdbc, encoder, clock, scopes, "rlp", "6023");
        feedback = lw.deliveredFeedback(lw.w.feedback, lw.w.a1, 200);
        plan = lw.plan(feedback, "APPROVED");
        long round = lw.w.round(lw.w.countyA, lw.w.term(lw.w.countyA));
        lookBack = lw.w.inspection(lw.w.countyA, round, "甲县委回头看巡察组", "STATIONED", lw.w.a1, false);
        jdbc.sql("UPDATE inspection SET mode = 'LOOK_BACK', look_back_of = :of WHERE id = :i")
                .param("of", lw.w.feedback).param("i", lookBack).update();
        regular = lw.w.inspection(lw.w.countyA, round, "甲县委第九巡察组", "STATIONED", lw.w.a1, false);
        lw.w.member("lb-member", "回头看组员", Role.TEAM_MEMBER, "MEMBER", lookBack, lw.w.countyA);
        lw.w.member("rg-member", "常规组员", Role.TEAM_MEMBER, "MEMBER", regular, lw.w.countyA);
    }

    long signedOff() {
        long item = item();
        lw.status(item, "SIGNED_OFF", lw.today().minusDays(100));
        return item;
    }

    long item() {
        int n = ++next;
        return lw.item(plan, lw.problem(feedback, n, "问题" + n + "：违规使用公车。"), n, -120, "IN_PROGRESS");
    }

    /** A standing finding of the inspection about the organization (with its approved working paper). */
    long finding(long inspection, long organization, String title) {
        long seq = jdbc.sql("SELECT count(*) FROM working_paper WHERE inspection_id = :i").param("i", inspection)
                .query(Long.class).single() + 1;
        String no = "rlp-" + inspection + "-" + seq;
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO working_paper (inspection_id, seq, paper_no, title, facts, source, illegal_fen, loss_fen,
                                           finder_id, finder_name, found_on, writer_id, writer_name, written_at,
                                           status, content_version, row_version, created_at, updated_at)
                VALUES (:i, :seq, :no, :t, '事实', 'RECORDS', 0, 0, 1, '组员', :today, 1, '组员', :now, 'APPROVED', 1,
                        1, :now, :now)
                """).param("i", inspection).param("seq", seq).param("no", no).param("t", title)
                .param("today", LocalDate.now(clock)).param("now", now).update();
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

    long relapseCards(long item) {
        return jdbc.sql("SELECT count(*) FROM rectification_red_card WHERE item_id = :i AND kind = 'RELAPSE'")
                .param("i", item).query(Long.class).single();
    }

    long link(String who, long item, long finding) {
        return relapses.reportRelapse(lw.scope(who), RectificationItemId.of(item), FindingId.of(finding));
    }

    @Test
    void theOfficeLinksALookBackFindingToASignedOffItemOnceAndTheCardNamesTheFinding() {
        long item = signedOff();
        long finding = finding(lookBack, lw.w.a1, "公车私用问题再次出现");
        assertThat(relapses.candidates(lw.scope("office-a"), FindingId.of(finding)))
                .anySatisfy(c -> assertThat(c.item().value()).isEqualTo(item));
        long card = link("office-a", item, finding);
        assertThat(link("office-a", item, finding)).isEqualTo(card);
        assertThat(relapseCards(item)).isEqualTo(1);
        var row = jdbc.sql("SELECT status, finding_id, finding_inspection_id, body_id FROM rectification_red_card"
                + " WHERE id = :c").param("c", card).query().singleRow();
        assertThat(row.get("status")).isEqualTo("RAISED");
        assertThat(((Number) row.get("finding_id")).longValue()).isEqualTo(finding);
        assertThat(((Number) row.get("finding_inspection_id")).longValue()).isEqualTo(lookBack);
        assertThat(((Number) row.get("body_id")).longValue()).isEqualTo(lw.w.countyA);
        assertThat(relapses.candidates(lw.scope("office-a"), FindingId.of(finding)))
                .filteredOn(c -> c.item().value() == item).singleElement()
                .satisfies(c -> assertThat(c.linked()).isTrue());
    }

    @Test
    void theLookBackTeamLinksToo() throws Exception {
        long item = signedOff();
        long finding = finding(lookBack, lw.w.a1, "违规发放津贴问题反弹");
        mvc.perform(post("/rectification/relapses").with(lw.w.as("lb-member"))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()).param("finding", Long.toString(finding))
                        .param("item", Long.toString(item)))
                .andExpect(status().is3xxRedirection());
        assertThat(relapseCards(item)).isEqualTo(1);
        String page = mvc.perform(get("/rectification/relapses").param("finding", Long.toString(finding))
                .with(lw.w.as("lb-member"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("data-item-id=\"" + item + "\"").contains("已关联");
    }

    @Test
    void onlySignedOffItemsOnlyLookBackFindingsOfTheSameOrganizationAndOnlyTheOfficeOrTheTeam() {
        long open = item();
        long item = signedOff();
        long finding = finding(lookBack, lw.w.a1, "档案管理不规范问题");
        assertThatThrownBy(() -> link("office-a", open, finding)).isInstanceOf(UserInputException.class)
                .hasMessage("只有已销号的整改事项才能认定问题反弹");
        assertThat(relapses.candidates(lw.scope("office-a"), FindingId.of(finding)))
                .noneSatisfy(c -> assertThat(c.item().value()).isEqualTo(open));
        long ofRegular = finding(regular, lw.w.a1, "常规巡察发现的问题");
        assertThatThrownBy(() -> link("office-a", item, ofRegular)).isInstanceOf(UserInputException.class)
                .hasMessage("该问题不是巡察“回头看”发现的问题，不能认定为问题反弹");
        long otherOrganization = finding(lookBack, lw.a2, "另一单位的问题");
        assertThatThrownBy(() -> link("office-a", item, otherOrganization)).isInstanceOf(UserInputException.class)
                .hasMessage("只能关联本次“回头看”所查单位在被回头看的巡察中的整改事项");
        // the leading group reads the finding but does not link; another team does not read it; county B, the
        // TARGET and 纪委监委 do not read it
        assertThatThrownBy(() -> link("leader-a", item, finding)).isInstanceOf(AccessDeniedException.class);
        for (String stranger : new String[] {"rg-member", "office-b", "target-a1", "discipline-a", "fb-member"}) {
            assertThatThrownBy(() -> link(stranger, item, finding)).as(stranger)
                    .isInstanceOf(NotFoundInScope.class);
        }
        assertThat(relapseCards(item)).isZero();
        assertThat(relapseCards(open)).isZero();
    }
}
