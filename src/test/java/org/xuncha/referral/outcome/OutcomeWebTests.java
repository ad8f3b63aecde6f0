package org.xuncha.referral.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.identity.DataScopes;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.ReferralWorld;

/** The outcome page, its htmx panel, the form's refusals re-rendered, the JSON API and the 投案自首 page. */
@SpringBootTest(properties = "xuncha.test.context=referral-outcome-web")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutcomeWebTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired FieldCipher cipher;

    ReferralWorld rw;
    long item;
    long person;

    @BeforeAll
    void world() {
        rw = new ReferralWorld(jdbc, encoder, clock, scopes, cipher, "ow", "5893");
        long lead = rw.reportedLead(rw.w.inspection, "网页线索", "INTEGRITY",
                List.of(new ReferralWorld.Person("网某", null, "局长", "DIVISION")));
        person = rw.personIds(lead).get(0);
        item = rw.transferred(lead, ReceiverKind.DISCIPLINE, rw.w.countyA, null, 10);
        jdbc.sql("UPDATE transfer_item SET status = 'SIGNED', signed_at = :at, row_version = 2 WHERE id = :id")
                .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minusDays(9))
                .param("id", item).update();
    }

    RequestPostProcessor as(String name) {
        XunchaPrincipal p = rw.principal(name);
        return authentication(new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }

    int version() {
        return jdbc.sql("SELECT row_version FROM transfer_item WHERE id = :i").param("i", item).query(Integer.class)
                .single();
    }

    long events() {
        return jdbc.sql("SELECT count(*) FROM referral_outcome WHERE item_id = :i").param("i", item)
                .query(Long.class).single();
    }

    String today() {
        return LocalDate.now(clock).toString();
    }

    @Test
    void theReceiverRecordsThroughThePageAndARefusalIsShownWithNothingChanged() throws Exception {
        String page = mvc.perform(get("/referrals/items/{id}/outcomes", item).with(as("discipline-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("网页线索", "outcome-form", "第1人（处级）", "<html");
        String panel = mvc.perform(get("/referrals/items/{id}/outcomes", item).with(as("discipline-a"))
                .header("HX-Request", "true")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(panel).contains("outcome-panel").doesNotContain("<html");

        long before = events();
        int v = version();
        String refused = mvc.perform(post("/referrals/items/{id}/outcomes", item).with(as("discipline-a"))
                .with(csrf()).param("version", String.valueOf(v)).param("kind", "MONEY")
                .param("occurredOn", today()).param("recovered", "-5")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("追缴资金金额不能为负数");
        assertThat(events()).isEqualTo(before);
        assertThat(version()).isEqualTo(v);

        mvc.perform(post("/referrals/items/{id}/outcomes", item).with(as("discipline-a")).with(csrf())
                .param("version", String.valueOf(v)).param("kind", "HANDLING_WAY")
                .param("code", "PRELIMINARY_CHECK").param("occurredOn", today()))
                .andExpect(status().isFound());
        assertThat(events()).isEqualTo(before + 1);

        mvc.perform(post("/referrals/items/{id}/outcomes", item).with(as("orgdept-a")).with(csrf())
                .param("version", String.valueOf(version())).param("kind", "HANDLING_WAY")
                .param("code", "SHELVED").param("occurredOn", today()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/referrals/items/{id}/outcomes", item).with(as("target-a1"))).andExpect(status().isForbidden());
    }

    @Test
    void theApiRecordsWithTheVersionAndRefusesAStaleOne() throws Exception {
        int v = version();
        mvc.perform(post("/api/referrals/items/{id}/outcomes", item).with(as("office-a")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + v + ",\"kind\":\"PARTY_SANCTION\","
                        + "\"code\":\"WARNING\",\"personId\":" + person + ",\"occurredOn\":\"" + today() + "\"}"))
                .andExpect(status().isOk());
        String stale = mvc.perform(post("/api/referrals/items/{id}/outcomes", item).with(as("discipline-a"))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + v
                        + ",\"kind\":\"CASE_FILED\",\"occurredOn\":\"" + today() + "\"}"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(stale).contains("已被他人更新");
        String json = mvc.perform(get("/api/referrals/items/{id}/outcomes", item).with(as("team-leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json).contains("\"code\":\"WARNING\"", "\"formLabel\":\"第二种形态\"").doesNotContain("网某");
    }

    @Test
    void theDisciplineBodyRecordsSurrendersOnItsPage() throws Exception {
        String empty = mvc.perform(post("/referrals/surrenders").with(as("discipline-a")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(empty).contains("请填写投案日期");
        mvc.perform(post("/referrals/surrenders").with(as("discipline-a")).with(csrf())
                .param("surrenderedOn", today()).param("inspection", String.valueOf(rw.w.inspection)))
                .andExpect(status().isFound());
        String list = mvc.perform(get("/referrals/surrenders").with(as("discipline-a"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("甲县委第三巡察组", "共 1 人");
        assertThat(mvc.perform(get("/api/referrals/surrenders").with(as("discipline-b"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("\"total\":0");
    }
}
