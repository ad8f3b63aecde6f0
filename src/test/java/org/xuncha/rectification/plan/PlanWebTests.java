package org.xuncha.rectification.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.identity.DataScopes;
import org.xuncha.testing.TestFixtures;

/**
 * The plan's pages end to end (post/redirect/get; a refusal re-renders the plan with its Chinese message) and the
 * JSON API beside them: the TARGET opens, drafts, signs (a wrong password refused on the page) and submits; the
 * 纪委监委 gives an opinion and may not edit; the office approves once the opinions are in; both .docx download; a
 * TARGET of another organization gets 404 from page and API alike.
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-plan-web")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanWebTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;

    PlanWorld pw;
    long feedback;
    long problem;

    @BeforeAll
    void world() {
        pw = new PlanWorld(jdbc, encoder, clock, scopes, "rpw", "5923");
        feedback = pw.delivered(pw.w.inspection, pw.w.a1, 3, 12, List.of("违反中央八项规定精神问题"));
        problem = pw.problems(feedback).get(0);
    }

    long planId() {
        return jdbc.sql("SELECT id FROM rectification_plan WHERE feedback_id = :f").param("f", feedback)
                .query(Long.class).single();
    }

    String version() {
        return String.valueOf(pw.planVersion(planId()));
    }

    @Test
    void theTargetDraftsSignsAndSubmitsAndTheReviewApproves() throws Exception {
        mvc.perform(get("/rectification/plans").with(pw.w.as("target-a1"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("起草整改方案")));
        mvc.perform(post("/rectification/plans").param("feedback", String.valueOf(feedback))
                        .with(pw.w.as("target-a1")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long plan = planId();
        String page = "/rectification/plans/" + plan;

        mvc.perform(post(page + "/items").param("version", version()).param("problem", String.valueOf(problem))
                        .param("goal", "纠治四风").param("measures", "开展专项整治").param("leader", "李副局长")
                        .param("department", "办公室").param("handler", "王科员").param("dueOn", "1999-01-01")
                        .with(pw.w.as("target-a1")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("完成时限不能早于反馈日期")));
        mvc.perform(post(page + "/items").param("version", version()).param("problem", String.valueOf(problem))
                        .param("goal", "纠治四风").param("measures", "开展专项整治").param("leader", "李副局长")
                        .param("department", "办公室").param("handler", "王科员")
                        .param("dueOn", pw.today().plusDays(40).toString())
                        .with(pw.w.as("target-a1")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", page));
        mvc.perform(post(page + "/items").param("version", version()).param("problem", String.valueOf(problem))
                        .param("goal", "代拟").param("measures", "代拟").param("leader", "某").param("department", "某")
                        .param("handler", "某").param("dueOn", pw.today().plusDays(40).toString())
                        .with(pw.w.as("discipline-a")).with(csrf()))
                .andExpect(status().isForbidden());

        mvc.perform(post(page + "/sign").param("version", version()).param("post", "党组书记")
                        .param("password", "not-the-password").with(pw.w.as("target-a1")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("密码不正确，未签字")));
        jdbc.sql("UPDATE user_account SET failed_attempts = 0 WHERE username = 'rpwtarget-a1'").update();
        mvc.perform(post(page + "/sign").param("version", version()).param("post", "党组书记")
                        .param("password", TestFixtures.PASSWORD).with(pw.w.as("target-a1")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(page + "/submit").param("version", version()).with(pw.w.as("target-a1")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(page).with(pw.w.as("target-a1"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("已报送审核")))
                .andExpect(content().string(containsString("张书记（党组书记）")))
                .andExpect(content().string(not(containsString("id=\"item-form\""))));

        mvc.perform(get(page).with(pw.w.as("office-a"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"approve-form\"")));
        mvc.perform(post(page + "/approve").param("version", version()).with(pw.w.as("office-a")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("尚未提出审核意见")));
        for (String who : List.of("office-a", "discipline-a", "orgdept-a", "team-leader")) {
            mvc.perform(post(page + "/opinions").param("answeredOk", "true").param("answeredNote", "逐条回应")
                            .param("targetedOk", "true").param("targetedNote", "措施具体")
                            .param("responsibilityOk", "true").param("responsibilityNote", "责任明确")
                            .param("deadlineOk", "false").param("deadlineNote", "个别时限偏长")
                            .with(pw.w.as(who)).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(post(page + "/approve").param("version", version()).with(pw.w.as("discipline-a")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(page + "/approve").param("version", version()).with(pw.w.as("office-a")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(pw.planStatus(plan)).isEqualTo("APPROVED");

        mvc.perform(get(page + "/docx").with(pw.w.as("target-a1"))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")));
        mvc.perform(get(page + "/review-docx").with(pw.w.as("team-leader"))).andExpect(status().isOk());
        mvc.perform(get("/api/rectification/plans/" + plan).with(pw.w.as("orgdept-a"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.plan.status").value("APPROVED"))
                .andExpect(jsonPath("$.opinions.length()").value(4));
        mvc.perform(get(page).with(pw.w.as("target-a2"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/rectification/plans/" + plan).with(pw.w.as("target-a2")))
                .andExpect(status().isNotFound());
        mvc.perform(get(page + "/docx").with(pw.w.as("office-b"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/rectification/plans").with(pw.w.as("target-a2"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void theApiRefusesInChineseWith400AndChangesNothing() throws Exception {
        long other = pw.delivered(pw.w.noDeputy, pw.w.a1, 2, 13, List.of("意识形态问题"));
        String body = "{\"feedback\":" + other + "}";
        String json = mvc.perform(post("/api/rectification/plans").contentType(MediaType.APPLICATION_JSON)
                        .content(body).with(pw.w.as("target-a1")).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.plan.status").value("DRAFTING"))
                .andReturn().getResponse().getContentAsString();
        long plan = jdbc.sql("SELECT id FROM rectification_plan WHERE feedback_id = :f").param("f", other)
                .query(Long.class).single();
        assertThat(json).contains("意识形态问题");
        mvc.perform(post("/api/rectification/plans/" + plan + "/submit").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + pw.planVersion(plan) + "}").with(pw.w.as("target-a1")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("尚未制定整改措施")));
        mvc.perform(post("/api/rectification/plans/" + plan + "/items").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0,\"problem\":" + pw.problems(other).get(0) + ",\"goal\":\"x\","
                                + "\"measures\":\"x\",\"leaderName\":\"x\",\"department\":\"x\",\"handlerName\":\"x\","
                                + "\"dueOn\":\"" + pw.today().plusDays(9) + "\"}")
                        .with(pw.w.as("target-a1")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("已被他人更新")));
        assertThat(pw.planVersion(plan)).isEqualTo(1);
    }
}
