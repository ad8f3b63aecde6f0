package org.xuncha.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.common.Role;

/**
 * Terms and plan changes through the pages and the API: creating a term, drafting freely, approval by the
 * LEADER of the body, reasons required after approval (nothing changes without one), one change row per
 * organization and one audit record per change, removal that never deletes, the history, and the scope
 * rules (a county office never touches the city's or another county's plan; the city office reads county
 * plans but cannot change them; other roles are refused).
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TermPlanTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    PlanWorld w;
    RequestPostProcessor cityOffice;
    RequestPostProcessor officeA;
    RequestPostProcessor officeB;
    RequestPostProcessor leaderA;
    RequestPostProcessor leaderB;
    long cityTerm;
    long termB;

    @BeforeAll
    void world() {
        w = new PlanWorld(jdbc, encoder, "TP-", "6672");
        cityOffice = PlanWorld.as(9711, Role.OFFICE, w.city);
        officeA = PlanWorld.as(9712, Role.OFFICE, w.countyA);
        officeB = PlanWorld.as(9713, Role.OFFICE, w.countyB);
        leaderA = PlanWorld.as(9714, Role.LEADER, w.countyA);
        leaderB = PlanWorld.as(9715, Role.LEADER, w.countyB);
        cityTerm = w.term(w.city, "八届市委", 2021, 2025, PlanStatus.DRAFT);
        w.plan(cityTerm, w.c1, 2022, null);
        termB = w.term(w.countyB, "五届区委", 2021, 2025, PlanStatus.DRAFT);
        w.plan(termB, w.b1, 2022, null);
    }

    long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(i + 1, params[i]);
        }
        return spec.query(Long.class).single();
    }

    long audits(String action) {
        return count("SELECT count(*) FROM audit_record WHERE action = ? AND result = 'SUCCESS'", action);
    }

    long entryId(long term, long org) {
        return count("SELECT id FROM term_plan_entry WHERE term_id = ? AND organization_id = ?", term, org);
    }

    long createTerm(RequestPostProcessor who, String name, int first, int last) throws Exception {
        String location = mvc.perform(post("/terms").param("name", name).param("firstYear", String.valueOf(first))
                        .param("lastYear", String.valueOf(last)).with(who).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring("/terms/".length()));
    }

    @Test
    void aTermIsCreatedForTheOfficesOwnBodyAndBadYearsAreRefused() throws Exception {
        long before = audits("TERM_CREATE");
        long id = createTerm(officeA, "十届区委", 2016, 2020);
        assertThat(count("SELECT body_id FROM term WHERE id = ?", id)).isEqualTo(w.countyA);
        assertThat(jdbc.sql("SELECT plan_status FROM term WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("DRAFT");
        assertThat(audits("TERM_CREATE")).isEqualTo(before + 1);

        long terms = count("SELECT count(*) FROM term");
        for (String[] bad : new String[][] {{"", "2021", "2025", "请填写届期名称"}, {"十一届区委", "2025", "2021", "起始年度不能晚于结束年度"},
                {"十一届区委", "2018", "2022", "年度重叠"}, {"十一届区委", "2021", "2035", "不能超过 10 个年度"},
                {"十一届区委", "二〇二一", "2025", "起始年度应为整数"}}) {
            String html = mvc.perform(post("/terms").param("name", bad[0]).param("firstYear", bad[1])
                            .param("lastYear", bad[2]).with(officeA).with(csrf()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).contains(bad[3]);
        }
        assertThat(count("SELECT count(*) FROM term")).isEqualTo(terms);
        // the next term may share the boundary year
        createTerm(officeA, "十一届区委", 2020, 2024);
        mvc.perform(get("/terms/new").with(officeA)).andExpect(status().isOk());
        mvc.perform(post("/terms").param("name", "x").param("firstYear", "2030").param("lastYear", "2031")
                .with(leaderA).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void aSubmittedPlanWaitsInTheLeadersQueueWhichApprovesOrReturnsItWithAReason() throws Exception {
        long term = createTerm(officeA, "待审届", 2051, 2055);
        mvc.perform(post("/terms/" + term + "/entries").param("code", "TP-D1").param("year", "2051")
                .with(officeA).with(csrf())).andExpect(flash().attributeExists("message"));
        mvc.perform(get("/terms/pending").with(leaderA)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("queue-term-" + term + "\""))));
        mvc.perform(post("/terms/" + term + "/submit").with(officeA).with(csrf())).andExpect(flash().attributeExists("message"));

        // the leading group of this county finds it on its home page and in its queue; the other county does not
        mvc.perform(get("/").with(leaderA)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("待审批的巡察规划")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("href=\"/terms/pending\"")));
        mvc.perform(get("/terms/pending").with(leaderA)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"queue-term-" + term + "\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("待审届（2051–2055）")));
        mvc.perform(get("/terms/pending").with(leaderB)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("queue-term-" + term + "\""))));
        mvc.perform(get("/terms/pending").with(officeA)).andExpect(status().isForbidden());

        // returning needs a reason; without one nothing changes
        int version = jdbc.sql("SELECT version FROM term WHERE id = :id").param("id", term).query(Integer.class).single();
        long returns = audits("PLAN_RETURN");
        mvc.perform(post("/terms/" + term + "/return").param("reason", "  ").param("from", "queue")
                        .param("version", String.valueOf(version)).with(leaderA).with(csrf()))
                .andExpect(redirectedUrl("/terms/pending")).andExpect(flash().attribute("error", "退回规划须填写退回理由"));
        mvc.perform(post("/terms/" + term + "/return").param("reason", "x").with(officeA).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/terms/" + term + "/return").param("reason", "x").with(leaderB).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(audits("PLAN_RETURN")).isEqualTo(returns);
        assertThat(jdbc.sql("SELECT submitted_at FROM term WHERE id = :id").param("id", term)
                .query(java.time.OffsetDateTime.class).optional()).isPresent();

        mvc.perform(post("/terms/" + term + "/return").param("reason", "请补充村（社区）党组织").param("from", "queue")
                        .param("version", String.valueOf(version)).with(leaderA).with(csrf()))
                .andExpect(redirectedUrl("/terms/pending")).andExpect(flash().attribute("message", "规划已退回巡察办修改"));
        assertThat(audits("PLAN_RETURN")).isEqualTo(returns + 1);
        assertThat(jdbc.sql("SELECT plan_status FROM term WHERE id = :id").param("id", term).query(String.class).single())
                .isEqualTo("DRAFT");
        assertThat(jdbc.sql("SELECT submitted_at FROM term WHERE id = :id").param("id", term)
                .query(java.time.OffsetDateTime.class).optional()).isEmpty();
        assertThat(jdbc.sql("SELECT reason FROM term_plan_change WHERE term_id = :t AND change_kind = 'RETURNED'")
                .param("t", term).query(String.class).single()).isEqualTo("请补充村（社区）党组织");
        mvc.perform(get("/terms/pending").with(leaderA)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("queue-term-" + term + "\""))));
        // the office reads why, and may submit again; then the leader approves from the queue
        mvc.perform(get("/terms/" + term).with(officeA)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("退回规划：请补充村（社区）党组织")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"submit-form\"")));
        mvc.perform(post("/terms/" + term + "/return").param("reason", "再退").with(leaderA).with(csrf()))
                .andExpect(flash().attribute("error", "规划尚未由巡察办报送，不能退回"));
        mvc.perform(post("/terms/" + term + "/submit").with(officeA).with(csrf())).andExpect(flash().attributeExists("message"));
        mvc.perform(get("/terms/" + term).with(officeA)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id=\"returned\""))));
        mvc.perform(post("/terms/" + term + "/approve").param("from", "queue").with(leaderA).with(csrf()))
                .andExpect(redirectedUrl("/terms/pending")).andExpect(flash().attributeExists("message"));
        assertThat(jdbc.sql("SELECT plan_status FROM term WHERE id = :id").param("id", term).query(String.class).single())
                .isEqualTo("APPROVED");
        mvc.perform(post("/terms/" + term + "/return").param("reason", "晚了").with(leaderA).with(csrf()))
                .andExpect(flash().attribute("error", "该规划已批准，不能退回"));
    }

    @Test
    void aDraftChangesFreelyThenTheLeaderApprovesAndEveryLaterChangeNeedsAReason() throws Exception {
        long term = createTerm(officeA, "草拟届", 2041, 2045);
        // draft: add, reschedule, remove without reasons; audited, but no change rows
        long addsBefore = audits("PLAN_ADD");
        mvc.perform(post("/terms/" + term + "/entries").param("code", "TP-D1").param("year", "2041").param("round", "1")
                .with(officeA).with(csrf())).andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("message"));
        mvc.perform(post("/terms/" + term + "/entries").param("code", "TP-D2").param("year", "2042")
                .with(officeA).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(audits("PLAN_ADD")).isEqualTo(addsBefore + 2);
        long d2 = entryId(term, w.d2);
        mvc.perform(post("/terms/" + term + "/entries/" + d2 + "/reschedule").param("year", "2043").param("round", "2")
                .with(officeA).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(count("SELECT planned_year FROM term_plan_entry WHERE id = ?", d2)).isEqualTo(2043);
        // an empty plan cannot be submitted
        long empty = createTerm(officeA, "空届", 2071, 2075);
        mvc.perform(post("/terms/" + empty + "/submit").with(officeA).with(csrf()))
                .andExpect(flash().attribute("error", "规划中还没有巡察对象，不能报送"));
        assertThat(count("SELECT count(*) FROM term_plan_change WHERE term_id = ?", term)).isZero();

        // bad additions change nothing
        for (String[] bad : new String[][] {{"TP-D1", "2041", "已在规划中"}, {"TP-B1", "2041", "不属于本机构"},
                {"TP-Z", "2041", "已撤销"}, {"TP-T1", "2050", "应在本届"}, {"NOPE", "2041", "组织编码不存在"}}) {
            mvc.perform(post("/terms/" + term + "/entries").param("code", bad[0]).param("year", bad[1])
                            .with(officeA).with(csrf()))
                    .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString(bad[2])));
        }
        assertThat(count("SELECT count(*) FROM term_plan_entry WHERE term_id = ?", term)).isEqualTo(2);

        // the LEADER approves only what the OFFICE submitted (报送); a change takes the submission back
        mvc.perform(post("/terms/" + term + "/approve").with(leaderA).with(csrf()))
                .andExpect(flash().attribute("error", "规划尚未由巡察办报送，不能批准"));
        mvc.perform(post("/terms/" + term + "/submit").with(leaderA).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/terms/" + term + "/submit").with(officeB).with(csrf())).andExpect(status().isNotFound());
        long submits = audits("PLAN_SUBMIT");
        mvc.perform(post("/terms/" + term + "/submit").with(officeA).with(csrf())).andExpect(flash().attributeExists("message"));
        assertThat(audits("PLAN_SUBMIT")).isEqualTo(submits + 1);
        assertThat(jdbc.sql("SELECT submitted_by FROM term WHERE id = :id").param("id", term).query(String.class).single())
                .isEqualTo("user-9712");
        mvc.perform(post("/terms/" + term + "/submit").with(officeA).with(csrf()))
                .andExpect(flash().attribute("error", "该规划已报送，等待领导小组批准"));
        mvc.perform(post("/terms/" + term + "/entries/" + d2 + "/reschedule").param("year", "2042")
                .with(officeA).with(csrf())).andExpect(flash().attributeExists("message"));
        assertThat(jdbc.sql("SELECT submitted_at FROM term WHERE id = :id").param("id", term)
                .query(java.time.OffsetDateTime.class).optional()).as("withdrawn by the change").isEmpty();
        mvc.perform(post("/terms/" + term + "/approve").with(leaderA).with(csrf()))
                .andExpect(flash().attribute("error", "规划尚未由巡察办报送，不能批准"));
        mvc.perform(post("/terms/" + term + "/submit").with(officeA).with(csrf())).andExpect(flash().attributeExists("message"));

        // OFFICE cannot approve (role), another county's LEADER cannot see it, this county's LEADER approves
        mvc.perform(post("/terms/" + term + "/approve").with(officeA).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/terms/" + term + "/approve").with(leaderB).with(csrf())).andExpect(status().isNotFound());
        long approvals = audits("PLAN_APPROVE");
        mvc.perform(post("/terms/" + term + "/approve").param("note", "领导小组第3次会议审议通过").with(leaderA).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT plan_status FROM term WHERE id = :id").param("id", term).query(String.class).single())
                .isEqualTo("APPROVED");
        assertThat(audits("PLAN_APPROVE")).isEqualTo(approvals + 1);
        assertThat(jdbc.sql("SELECT reason FROM term_plan_change WHERE term_id = :t AND change_kind = 'APPROVED'")
                .param("t", term).query(String.class).single()).isEqualTo("领导小组第3次会议审议通过");
        mvc.perform(post("/terms/" + term + "/approve").with(leaderA).with(csrf()))
                .andExpect(flash().attribute("error", "该规划已批准"));

        // approved: without a reason nothing changes
        long d1 = entryId(term, w.d1);
        mvc.perform(post("/terms/" + term + "/entries").param("code", "TP-T1").param("year", "2044").with(officeA).with(csrf()))
                .andExpect(flash().attribute("error", TermPlans.REASON_REQUIRED));
        mvc.perform(post("/terms/" + term + "/entries/" + d1 + "/remove").param("reason", "  ").with(officeA).with(csrf()))
                .andExpect(flash().attribute("error", TermPlans.REASON_REQUIRED));
        mvc.perform(post("/terms/" + term + "/entries/" + d1 + "/reschedule").param("year", "2045").with(officeA).with(csrf()))
                .andExpect(flash().attribute("error", TermPlans.REASON_REQUIRED));
        mvc.perform(post("/terms/" + term + "/entries/all").param("year", "2045").with(officeA).with(csrf()))
                .andExpect(flash().attribute("error", TermPlans.REASON_REQUIRED));
        assertThat(count("SELECT count(*) FROM term_plan_entry WHERE term_id = ?", term)).isEqualTo(2);
        assertThat(count("SELECT planned_year FROM term_plan_entry WHERE id = ?", d1)).isEqualTo(2041);
        assertThat(count("SELECT count(*) FROM term_plan_change WHERE term_id = ?", term)).isEqualTo(1);

        // with reasons: each change leaves a change row and an audit record
        long removes = audits("PLAN_REMOVE");
        long reschedules = audits("PLAN_RESCHEDULE");
        mvc.perform(post("/terms/" + term + "/entries").param("code", "TP-T1").param("year", "2044").param("reason", "新增乡镇")
                .with(officeA).with(csrf())).andExpect(flash().attributeExists("message"));
        mvc.perform(post("/terms/" + term + "/entries/" + d1 + "/reschedule").param("year", "2045").param("reason", "机构改革推迟")
                .with(officeA).with(csrf())).andExpect(flash().attributeExists("message"));
        mvc.perform(post("/terms/" + term + "/entries/" + d1 + "/remove").param("reason", "已撤并")
                .with(officeA).with(csrf())).andExpect(flash().attributeExists("message"));
        assertThat(audits("PLAN_REMOVE")).isEqualTo(removes + 1);
        assertThat(audits("PLAN_RESCHEDULE")).isEqualTo(reschedules + 1);
        // removal never deletes
        assertThat(jdbc.sql("SELECT removed FROM term_plan_entry WHERE id = :id").param("id", d1).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT kind_and_reason FROM (SELECT change_kind || ':' || reason AS kind_and_reason, id FROM term_plan_change"
                        + " WHERE term_id = :t) c ORDER BY id").param("t", term).query(String.class).list())
                .containsExactly("APPROVED:领导小组第3次会议审议通过", "ADDED:新增乡镇", "RESCHEDULED:机构改革推迟", "REMOVED:已撤并");
        assertThat(jdbc.sql("SELECT detail FROM term_plan_change WHERE term_id = :t AND change_kind = 'RESCHEDULED'")
                .param("t", term).query(String.class).single()).isEqualTo("2041年第1轮 → 2045年");

        // add-all: every active organization of the body not named yet (removed D1 stays out, Z is deactivated)
        long allBefore = count("SELECT count(*) FROM term_plan_change WHERE term_id = ?", term);
        mvc.perform(post("/terms/" + term + "/entries/all").param("year", "2045").param("reason", "补齐全覆盖")
                .with(officeA).with(csrf())).andExpect(flash().attribute("message", org.hamcrest.Matchers.containsString(" 5 个")));
        assertThat(jdbc.sql("SELECT o.code FROM term_plan_entry e JOIN party_organization o ON o.id = e.organization_id"
                        + " WHERE e.term_id = :t AND e.removed = FALSE ORDER BY o.code").param("t", term).query(String.class).list())
                .containsExactly("TP-D2", "TP-T1", "TP-T2", "TP-V1", "TP-V2", "TP-V3", "TP-X");
        assertThat(count("SELECT count(*) FROM term_plan_change WHERE term_id = ?", term)).isEqualTo(allBefore + 5);

        // the removed organization comes back with a reason
        mvc.perform(post("/terms/" + term + "/entries").param("code", "TP-D1").param("year", "2045").param("reason", "恢复")
                .with(officeA).with(csrf())).andExpect(flash().attributeExists("message"));
        assertThat(jdbc.sql("SELECT removed FROM term_plan_entry WHERE id = :id").param("id", d1).query(Boolean.class).single()).isFalse();

        // the history shows it all, newest first; the page and the API agree
        String history = mvc.perform(get("/terms/" + term + "/changes").with(leaderA)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(history).contains("机构改革推迟").contains("已撤并").contains("批准").contains("整个规划");
        mvc.perform(get("/api/terms/" + term + "/changes").with(officeA)).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(allBefore + 6))
                .andExpect(jsonPath("$.items[0].reason").value("恢复"));
    }

    /** Issue 11 §5: a name that already gives the years (the demo's do) is not followed by them again. */
    @Test
    void theTermsYearsAreNotRepeatedAfterANameThatGivesThem() throws Exception {
        long term = w.term(w.countyA, "甲区委第九届（2081—2085年）", 2081, 2085, PlanStatus.APPROVED);
        for (String path : List.of("/terms/" + term, "/terms/" + term + "/changes", "/terms/" + term + "/coverage")) {
            String html = mvc.perform(get(path).with(officeA)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).as(path).contains("甲区委第九届（2081—2085年）").doesNotContain("（2081—2085年）（2081–2085）");
        }
        // who changed the plan is shown by display name (recorded by the name the office signed in with)
        if (count("SELECT count(*) FROM user_account WHERE username = ?", "user-9712") == 0) {
            new org.xuncha.testing.TestFixtures(jdbc, encoder).account("user-9712", Role.OFFICE, w.countyA, null);
        }
        jdbc.sql("UPDATE user_account SET display_name = '甲区巡察办李四' WHERE username = 'user-9712'").update();
        mvc.perform(post("/terms/" + term + "/entries").param("code", "TP-T1").param("year", "2082")
                .param("reason", "补充巡察对象").with(officeA).with(csrf())).andExpect(flash().attributeExists("message"));
        String changes = mvc.perform(get("/terms/" + term + "/changes").with(officeA)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(changes).contains("<td title=\"user-9712\">甲区巡察办李四</td>").doesNotContain(">user-9712<");
        assertThat(new TermView(1, 1, "b", "十二届市委", 2021, 2025, PlanStatus.DRAFT, null, null, null, 0, 0, null, null)
                .title()).isEqualTo("十二届市委（2021–2025）");
    }

    @Test
    void thePagesRender() throws Exception {
        long term = w.term(w.countyA, "页面届", 2051, 2055, PlanStatus.DRAFT);
        w.plan(term, w.t1, 2052, 1);
        String list = mvc.perform(get("/terms").with(officeA)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("页面届").contains("2051–2055").contains("新建届期");
        String detail = mvc.perform(get("/terms/" + term).with(officeA)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(detail).contains("页面届（2051–2055）").contains("TP-T1").contains("甲区一镇党委").contains("从未巡察")
                .contains("导入规划").contains("全部加入").doesNotContain("批准规划");
        assertThat(detail).contains("报送领导小组批准");
        assertThat(mvc.perform(get("/terms/" + term).with(leaderA)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("批准规划").doesNotContain("全部加入");
        jdbc.sql("UPDATE term SET submitted_at = CURRENT_TIMESTAMP, submitted_by = 'user-9712' WHERE id = :id").param("id", term).update();
        assertThat(mvc.perform(get("/terms/" + term).with(leaderA)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("批准规划").contains("待领导小组批准");
        String fragment = mvc.perform(get("/terms/" + term).param("sector", "VILLAGE").header("HX-Request", "true").with(officeA))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).contains("共 0 个巡察对象").doesNotContain("<html");
        long entry = entryId(term, w.t1);
        assertThat(mvc.perform(get("/terms/" + term + "/entries/" + entry).with(officeA)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("调整计划年度或轮次");
        mvc.perform(get("/terms/" + term + "/import").with(officeA)).andExpect(status().isOk());
        assertThat(mvc.perform(get("/v3/api-docs").with(officeA)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
                .contains("/api/terms/{id}/plan").contains("/api/terms/{id}/coverage").contains("/api/terms/{id}/plan/import");
        mvc.perform(get("/coverage").with(PlanWorld.as(9716, Role.LEADER, w.city)))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/terms/" + cityTerm + "/coverage"));
    }

    @Test
    void aCountyOfficeCannotReadOrTouchTheCitysOrAnotherCountysPlan() throws Exception {
        long entry = entryId(cityTerm, w.c1);
        for (String path : new String[] {"/terms/" + cityTerm, "/terms/" + termB, "/api/terms/" + cityTerm,
                "/api/terms/" + termB + "/plan", "/terms/" + cityTerm + "/changes", "/terms/" + termB + "/export.xlsx"}) {
            mvc.perform(get(path).with(officeA)).andExpect(status().isNotFound());
        }
        mvc.perform(post("/terms/" + cityTerm + "/entries").param("code", "TP-D1").param("year", "2022")
                .with(officeA).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/terms/" + cityTerm + "/entries/" + entry + "/remove").with(officeA).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/terms/" + termB + "/entries/all").param("year", "2022").with(officeA).with(csrf()))
                .andExpect(status().isNotFound());
        // the city office reads county plans but changes none of them
        mvc.perform(get("/terms/" + termB).with(cityOffice)).andExpect(status().isOk());
        mvc.perform(get("/api/terms/" + termB + "/plan").with(cityOffice)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].code").value("TP-B1"));
        mvc.perform(post("/terms/" + termB + "/entries/all").param("year", "2022").with(cityOffice).with(csrf()))
                .andExpect(status().isNotFound());
        long bEntry = entryId(termB, w.b1);
        mvc.perform(post("/terms/" + termB + "/entries/" + bEntry + "/reschedule").param("year", "2024")
                .with(cityOffice).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/terms/" + termB + "/import").with(cityOffice)).andExpect(status().isNotFound());
        assertThat(count("SELECT count(*) FROM term_plan_entry WHERE term_id = ?", cityTerm)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM term_plan_entry WHERE term_id = ?", termB)).isEqualTo(1);
        assertThat(count("SELECT planned_year FROM term_plan_entry WHERE id = ?", bEntry)).isEqualTo(2022);
        // the county's term list never shows the city's; the city's shows the counties' read-only
        String cityList = mvc.perform(get("/terms").with(cityOffice)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(cityList).contains("八届市委").contains("五届区委").contains("只读");
        String countyList = mvc.perform(get("/api/terms").param("size", "200").with(officeB)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(countyList).contains("五届区委").doesNotContain("八届市委");
        // a LEADER reads its own body only; other roles are refused
        mvc.perform(get("/terms/" + termB).with(leaderB)).andExpect(status().isOk());
        mvc.perform(get("/terms/" + cityTerm).with(leaderB)).andExpect(status().isNotFound());
        mvc.perform(get("/terms/" + termB).with(PlanWorld.as(9717, Role.TEAM_LEADER, w.countyB))).andExpect(status().isForbidden());
        mvc.perform(get("/api/terms").with(PlanWorld.as(9718, Role.DISCIPLINE, w.countyB))).andExpect(status().isForbidden());
    }
}
