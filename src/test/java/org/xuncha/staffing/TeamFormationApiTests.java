package org.xuncha.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.common.Role;
import org.xuncha.inspection.InspectionWorld;
import org.xuncha.inspection.Inspections;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The team-formation JSON API on a small county world: start, poll, review, pin, a refused override (the inspector
 * works in the target's county), the plan checked by the independent checker, import, confirm; another body's
 * office gets 404 and bad input 400 with a Chinese message.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamFormationApiTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired Inspections inspections;
    @Autowired JsonMapper json;

    InspectionWorld w;
    RequestPostProcessor office;
    RequestPostProcessor officeB;
    long local;

    @BeforeAll
    void world() {
        w = new InspectionWorld(jdbc, encoder, clock, "TFA", "4786");
        long account = w.account("office", Role.OFFICE, w.bodyA);
        office = InspectionWorld.as(account, Role.OFFICE, w.bodyA);
        officeB = InspectionWorld.as(w.account("office-b", Role.OFFICE, w.bodyB), Role.OFFICE, w.bodyB);
        inspections.create(TeamFormationsTests.withUser(w.office(w.bodyA), account),
                InspectionWorld.draft(w.roundA, "第一巡察组", List.of("TFAA1")));
        for (int n = 0; n < 4; n++) {
            w.inspector(w.bodyA, n < 2);
        }
        local = w.inspector(w.bodyA, true, null, w.countyA, null);
    }

    MockHttpServletResponse call(MockHttpServletRequestBuilder request, RequestPostProcessor who, String body) throws Exception {
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request.with(who).with(csrf())).andReturn().getResponse();
    }

    JsonNode read(MockHttpServletResponse response) {
        return json.readTree(response.getContentAsByteArray());
    }

    JsonNode awaitRun(long id) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode answer = read(call(get("/api/staffing/" + id), office, null));
            if (!answer.get("run").get("status").asString().equals("SOLVING")) {
                return answer;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("still solving");
    }

    @Test
    void theWholeFlowThroughTheApi() throws Exception {
        MockHttpServletResponse created = call(post("/api/staffing"), office,
                "{\"round\":" + w.roundA + ",\"leaders\":1,\"deputies\":0,\"liaisons\":0,\"members\":1,\"seconds\":5}");
        assertThat(created.getStatus()).isEqualTo(201);
        long id = read(created).get("id").asLong();

        JsonNode run = awaitRun(id);
        assertThat(run.get("run").get("status").asString()).isEqualTo("SOLVED");
        assertThat(run.get("run").get("hardScore").asLong()).isZero();
        JsonNode seats = run.get("teams").get(0).get("seats");
        assertThat(seats).hasSize(2);
        assertThat(seats.get(0).get("reason").asString()).contains("具备组长资格");
        assertThat(read(call(get("/api/staffing/" + id + "/progress"), office, null))).isNotEmpty();

        String instance = call(get("/api/staffing/" + id + "/instance"), office, null).getContentAsString(StandardCharsets.UTF_8);
        String plan = call(get("/api/staffing/" + id + "/plan"), office, null).getContentAsString(StandardCharsets.UTF_8);
        PlanChecker.Result checked = PlanChecker.check(instance, plan);
        assertThat(checked.scoreMatches()).isTrue();
        assertThat(checked.hard()).isZero();

        int version = run.get("run").get("version").asInt();
        String leader = seats.get(0).get("key").asString();
        String member = seats.get(1).get("key").asString();
        MockHttpServletResponse pinned = call(post("/api/staffing/" + id + "/pin"), office,
                "{\"version\":" + version + ",\"seat\":\"" + leader + "\"}");
        assertThat(pinned.getStatus()).isEqualTo(200);
        version = read(pinned).get("version").asInt();

        MockHttpServletResponse refused = call(post("/api/staffing/" + id + "/override"), office,
                "{\"version\":" + version + ",\"seat\":\"" + member + "\",\"inspector\":\"P" + local + "\",\"reason\":\"熟悉情况\"}");
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(read(refused).get("message").asString()).contains("四回避");

        MockHttpServletResponse noVersion = call(post("/api/staffing/" + id + "/solve"), office, "{}");
        assertThat(noVersion.getStatus()).isEqualTo(400);
        assertThat(read(noVersion).get("message").asString()).contains("版本");

        MockHttpServletResponse garbage = call(put("/api/staffing/" + id + "/plan").param("version", "" + version), office, "[1,2]");
        assertThat(garbage.getStatus()).isEqualTo(400);
        assertThat(read(garbage).get("message").asString()).contains("方案");
        MockHttpServletResponse same = call(put("/api/staffing/" + id + "/plan").param("version", "" + version), office, plan);
        assertThat(same.getStatus()).isEqualTo(200);
        version = read(same).get("version").asInt();

        // another county's office: not found, whatever it asks
        assertThat(call(get("/api/staffing/" + id), officeB, null).getStatus()).isEqualTo(404);
        assertThat(call(get("/api/staffing/" + id + "/plan"), officeB, null).getStatus()).isEqualTo(404);
        assertThat(call(post("/api/staffing/" + id + "/confirm"), officeB, "{\"version\":" + version + "}").getStatus())
                .isEqualTo(404);
        assertThat(read(call(get("/api/staffing"), officeB, null)).get("items")).isEmpty();

        MockHttpServletResponse confirmed = call(post("/api/staffing/" + id + "/confirm"), office, "{\"version\":" + version + "}");
        assertThat(confirmed.getStatus()).isEqualTo(200);
        assertThat(read(confirmed).get("members").asInt()).isEqualTo(2);
        assertThat(read(confirmed).get("run").get("status").asString()).isEqualTo("CONFIRMED");
    }
}
