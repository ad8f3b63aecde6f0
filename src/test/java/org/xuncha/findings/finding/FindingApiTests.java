package org.xuncha.findings.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;

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

/** The JSON API beside the pages: the same rules, Chinese messages for bad input, counts in scope. */
@SpringBootTest(properties = "xuncha.test.context=findings")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindingApiTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;

    FindingWorld w;

    @BeforeAll
    void world() {
        w = new FindingWorld(jdbc, encoder, clock, scopes, "fap", "5833");
    }

    long rows() {
        return jdbc.sql("SELECT count(*) FROM finding").query(Long.class).single();
    }

    @Test
    void formsEditsAndCountsThroughTheApi() throws Exception {
        long paper = w.paper(w.inspection, "APPROVED", "接口形成的问题", 5000, 0);
        long unapproved = w.paper(w.inspection, "SUBMITTED", "未审定", 0, 0);
        long heading = w.builtIn("FOUR_FOCUSES", 1, 2);
        long before = rows();
        mvc.perform(post("/api/findings").contentType(MediaType.APPLICATION_JSON).with(w.as("deputy")).with(csrf())
                        .content("{\"paperId\":" + unapproved + ",\"organizationId\":" + w.village + ",\"headingId\":"
                                + heading + ",\"severity\":\"ORDINARY\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(
                        org.hamcrest.Matchers.containsString("只有组长审定的底稿才能形成问题")));
        mvc.perform(post("/api/findings").contentType(MediaType.APPLICATION_JSON).with(w.as("deputy")).with(csrf())
                        .content("{\"paperId\":" + paper + ",\"organizationId\":" + w.village + ",\"headingId\":"
                                + heading + ",\"severity\":\"NOT_A_SEVERITY\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("未知的严重程度"));
        assertThat(rows()).isEqualTo(before);
        String created = mvc.perform(post("/api/findings").contentType(MediaType.APPLICATION_JSON)
                        .with(w.as("deputy")).with(csrf())
                        .content("{\"paperId\":" + paper + ",\"organizationId\":" + w.village + ",\"headingId\":"
                                + heading + ",\"severity\":\"SERIOUS\",\"discipline\":\"MASSES\",\"keyProblem\":true}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("\\D", ""));
        mvc.perform(get("/api/findings/" + id).with(w.as("office-a"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("接口形成的问题"))
                .andExpect(jsonPath("$.scheme").value("FOUR_FOCUSES"))
                .andExpect(jsonPath("$.illegalFen").value(5000));
        mvc.perform(post("/api/findings/" + id).contentType(MediaType.APPLICATION_JSON).with(w.as("deputy"))
                        .with(csrf()).content("{\"version\":99,\"organizationId\":" + w.village + ",\"headingId\":"
                                + heading + ",\"severity\":\"GRAVE\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(
                        org.hamcrest.Matchers.containsString("当前为第1版")));
        mvc.perform(get("/api/findings/counts").param("inspection", Long.toString(w.inspection))
                        .with(w.as("leader-a"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.keyProblems").value(1))
                .andExpect(jsonPath("$.rectifiedOnTheSpot").value(0))
                .andExpect(jsonPath("$.byHeading[0].headingId").value(heading))
                .andExpect(jsonPath("$.byDiscipline.MASSES").value(1));
        mvc.perform(get("/api/findings").param("inspection", Long.toString(w.inspection)).param("severity", "SERIOUS")
                .with(w.as("member"))).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
        mvc.perform(post("/api/findings/" + id + "/withdraw").contentType(MediaType.APPLICATION_JSON)
                        .with(w.as("deputy")).with(csrf()).content("{\"version\":1,\"reason\":\"重复\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"));
        mvc.perform(get("/api/findings/counts").param("inspection", Long.toString(w.inspection))
                .with(w.as("office-a"))).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
    }
}
