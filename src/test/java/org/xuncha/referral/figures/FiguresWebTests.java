package org.xuncha.referral.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.identity.DataScopes;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.ReferralWorld;

/**
 * 移交统计 over HTTP (`/referrals/figures`, `GET /api/referrals/figures`) on a world counted by hand. Today = t
 * (business zone); every item transferred 5 days ago (t-5), the period is t-6..t and the body filter names the
 * transferring body, so other test classes' items in the shared database never count.
 * <ul>
 * <li>F1 lead, 2 persons, to A's 纪委监委: signed, due t+30, 立案 of person 1 on t-2 (办理中; on time);</li>
 * <li>F2 lead, 1 person, to A's 纪委监委: signed, due t-3, 谈话提醒 on t-1 and 已办结 on t-1 (late);</li>
 * <li>F3 lead, 3 persons, to A's 纪委监委: not signed;</li>
 * <li>F4 lead, 1 person, to A's 组织部: signed, due t+30, nothing yet (inside its term: not counted for 按期);</li>
 * <li>G1 lead of county B, 1 person, to B's 纪委监委: signed, 已办结 on t-1.</li>
 * </ul>
 * County A as its office and its leading group count it: 移交 4 件 / 7 人; 签收 3 / 4 (F1, F2, F4); 办理 2 / 3 (F1,
 * F2); 办结 1 / 1 (F2); 办结率 1 ÷ 4 = 25.0%; 线索成案率 1 ÷ 4 = 25.0%; 按期回复率 1 (F1) ÷ 2 (F1, F2) = 50.0%;
 * 立案 1 件 1 人; 第一种形态 1 人. A's 纪委监委 counts its own three: 移交 3 / 6, 签收 2 / 3, 办结 1 / 1, 办结率 33.3%.
 * County B's office counts nothing of A and its own G1 (1 / 1, 办结率 100.0%). The TARGET and the team are refused
 * (403); the leading group sees figures, never the rows.
 */
@SpringBootTest(properties = "xuncha.test.context=referral-web")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiguresWebTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired FieldCipher cipher;

    ReferralWorld rw;
    LocalDate t;
    long f1;

    @BeforeAll
    void world() {
        rw = new ReferralWorld(jdbc, encoder, clock, scopes, cipher, "fgw", "5971");
        t = LocalDate.now(clock);
        long a = rw.w.countyA;
        f1 = item("F1", 2, rw.w.inspection, ReceiverKind.DISCIPLINE, a, t.plusDays(30));
        outcome(f1, rw.personIds(lead("F1", rw.w.inspection)).get(0), "CASE_FILED", null, t.minusDays(2));
        move(f1, "HANDLING", null);
        long f2 = item("F2", 1, rw.w.inspection, ReceiverKind.DISCIPLINE, a, t.minusDays(3));
        outcome(f2, rw.personIds(lead("F2", rw.w.inspection)).get(0), "FIRST_FORM_MEASURE", "REMINDER_TALK",
                t.minusDays(1));
        move(f2, "CLOSED", t.minusDays(1));
        long f3 = item("F3", 3, rw.w.inspection, ReceiverKind.DISCIPLINE, a, null);
        jdbc.sql("UPDATE transfer_item SET status = 'TRANSFERRED', signed_at = NULL WHERE id = :id").param("id", f3)
                .update();
        item("F4", 1, rw.w.inspection, ReceiverKind.ORG_DEPT, a, t.plusDays(30));
        long g1 = item("G1", 1, rw.w.inspectionB, ReceiverKind.DISCIPLINE, rw.w.countyB, t.plusDays(30));
        outcome(g1, null, "HANDLING_WAY", "CONCLUDED", t.minusDays(1));
        move(g1, "CLOSED", t.minusDays(1));
    }

    long lead(String title, long inspection) {
        return jdbc.sql("SELECT id FROM problem_lead WHERE inspection_id = :i AND title = :t")
                .param("i", inspection).param("t", title).query(Long.class).single();
    }

    /** A lead transferred 5 days ago to {@code kind} of {@code body}, signed 4 days ago with this due date. */
    long item(String title, int persons, long inspection, ReceiverKind kind, long body, LocalDate due) {
        List<ReferralWorld.Person> people = new ArrayList<>();
        for (int i = 1; i <= persons; i++) {
            people.add(new ReferralWorld.Person(title + "某" + i, null, null, "SECTION"));
        }
        long id = rw.transferred(rw.reportedLead(inspection, title, "INTEGRITY", people), kind, body, null, 5);
        jdbc.sql("UPDATE transfer_item SET status = 'SIGNED', signed_at = :at, due_on = :due WHERE id = :id")
                .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minusDays(4))
                .param("due", due).param("id", id).update();
        return id;
    }

    void move(long item, String status, LocalDate closedOn) {
        jdbc.sql("UPDATE transfer_item SET status = :s, closed_on = :c WHERE id = :id").param("s", status)
                .param("c", closedOn).param("id", item).update();
    }

    void outcome(long item, Long person, String kind, String code, LocalDate on) {
        jdbc.sql("""
                INSERT INTO referral_outcome (item_id, person_id, kind, code, occurred_on, recovered_fen,
                                              loss_retrieved_fen, recorded_by, recorded_by_name, recorded_at)
                VALUES (:i, :p, :k, :c, :on, 0, 0, 1, '纪委', :at)
                """).param("i", item).param("p", person).param("k", kind).param("c", code).param("on", on)
                .param("at", OffsetDateTime.now(clock)).update();
    }

    RequestPostProcessor as(String who) {
        XunchaPrincipal p = rw.principal(who);
        return authentication(new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }

    String query(long body) {
        return "?body=" + body + "&from=" + t.minusDays(6) + "&to=" + t;
    }

    String page(String who, long body) throws Exception {
        return mvc.perform(get("/referrals/figures" + query(body)).with(as(who))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    ResultActions api(String who, long body) throws Exception {
        return mvc.perform(get("/api/referrals/figures" + query(body)).with(as(who))).andExpect(status().isOk());
    }

    int statusOf(String url, String who) throws Exception {
        return mvc.perform(get(url).with(as(who))).andReturn().getResponse().getStatus();
    }

    /** One row of the page's table: 件 (or rate) and 人 as shown. */
    static List<String> row(String html, String figure) {
        Matcher m = Pattern.compile("<td>" + Pattern.quote(figure) + "</td>\\s*<td>([^<]*)</td>\\s*<td>([^<]*)</td>")
                .matcher(html);
        assertThat(m.find()).as("row " + figure).isTrue();
        return List.of(m.group(1), m.group(2));
    }

    void countyAOnThePage(String html) {
        assertThat(row(html, "移交")).containsExactly("4", "7");
        assertThat(row(html, "签收")).containsExactly("3", "4");
        assertThat(row(html, "办理（办理中及以后）")).containsExactly("2", "3");
        assertThat(row(html, "办结")).containsExactly("1", "1");
        assertThat(row(html, "办结率")).containsExactly("25.0%", "");
        assertThat(row(html, "线索成案率")).containsExactly("25.0%", "");
        assertThat(row(html, "按期回复率")).containsExactly("50.0%", "");
        assertThat(row(html, "立案")).containsExactly("1", "1");
        assertThat(row(html, "四种形态：第一种形态")).containsExactly("", "1");
    }

    void countyAInTheApi(ResultActions json) throws Exception {
        json.andExpect(jsonPath("$.counts.transferred.items").value(4))
                .andExpect(jsonPath("$.counts.transferred.persons").value(7))
                .andExpect(jsonPath("$.counts.signed.items").value(3))
                .andExpect(jsonPath("$.counts.signed.persons").value(4))
                .andExpect(jsonPath("$.counts.handled.items").value(2))
                .andExpect(jsonPath("$.counts.closed.items").value(1))
                .andExpect(jsonPath("$.counts.leadsTransferred").value(4))
                .andExpect(jsonPath("$.counts.leadsFiled").value(1))
                .andExpect(jsonPath("$.counts.repliesDue").value(2))
                .andExpect(jsonPath("$.counts.repliedOnTime").value(1))
                .andExpect(jsonPath("$.counts.outcomes.casesFiled").value(1))
                .andExpect(jsonPath("$.rows[?(@.figure == '办结率')].items").value(contains("25.0%")))
                .andExpect(jsonPath("$.rows[?(@.figure == '按期回复率')].items").value(contains("50.0%")))
                .andExpect(jsonPath("$.rows[?(@.figure == '移交')].definition").value(contains(
                        "统计期间内移交的问题线索和信访件（按当前接收单位，每件一次）；人数为件上所列人员之和")));
    }

    @Test
    void theOfficeOfTheBodySeesTheHandCountedFiguresOnThePageAndInTheApi() throws Exception {
        countyAOnThePage(page("office-a", rw.w.countyA));
        countyAInTheApi(api("office-a", rw.w.countyA));
    }

    @Test
    void theLeadingGroupSeesTheSameFiguresButNoRows() throws Exception {
        countyAOnThePage(page("leader-a", rw.w.countyA));
        countyAInTheApi(api("leader-a", rw.w.countyA));
        assertThat(statusOf("/referrals/items/" + f1, "leader-a")).isEqualTo(403);
        assertThat(statusOf("/api/referrals/items/" + f1, "leader-a")).isEqualTo(403);
        assertThat(statusOf("/referrals", "leader-a")).isEqualTo(403);
    }

    @Test
    void theDisciplineBodyCountsOnlyWhatWasTransferredToIt() throws Exception {
        String html = page("discipline-a", rw.w.countyA);
        assertThat(row(html, "移交")).containsExactly("3", "6");
        assertThat(row(html, "签收")).containsExactly("2", "3");
        assertThat(row(html, "办结")).containsExactly("1", "1");
        assertThat(row(html, "办结率")).containsExactly("33.3%", "");
        api("discipline-a", rw.w.countyA).andExpect(jsonPath("$.counts.transferred.items").value(3))
                .andExpect(jsonPath("$.counts.transferred.persons").value(6));
    }

    @Test
    void anotherCountysOfficeCountsNothingOfAAndItsOwnItem() throws Exception {
        String html = page("office-b", rw.w.countyA);
        assertThat(row(html, "移交")).containsExactly("0", "0");
        assertThat(row(html, "办结率")).containsExactly("—", "");
        api("office-b", rw.w.countyA).andExpect(jsonPath("$.counts.transferred.items").value(0))
                .andExpect(jsonPath("$.counts.outcomes.casesFiled").value(0));
        String own = page("office-b", rw.w.countyB);
        assertThat(row(own, "移交")).containsExactly("1", "1");
        assertThat(row(own, "办结率")).containsExactly("100.0%", "");
    }

    @Test
    void theTargetAndTheTeamAreRefused() throws Exception {
        for (String who : List.of("target-a1", "team-leader", "writer")) {
            assertThat(statusOf("/referrals/figures" + query(rw.w.countyA), who)).as(who).isEqualTo(403);
            assertThat(statusOf("/api/referrals/figures" + query(rw.w.countyA), who)).as(who).isEqualTo(403);
        }
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefusedInChinese() throws Exception {
        String html = mvc.perform(get("/referrals/figures?body=" + rw.w.countyA + "&from=" + t + "&to="
                + t.minusDays(1)).with(as("office-a"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).contains("统计期间的开始日期不能晚于结束日期").doesNotContain("id=\"figures\"");
        mvc.perform(get("/api/referrals/figures?from=" + t + "&to=" + t.minusDays(1)).with(as("office-a")))
                .andExpect(status().isBadRequest());
    }
}
