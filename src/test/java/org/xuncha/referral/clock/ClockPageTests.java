package org.xuncha.referral.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.ReferralWorld;
import org.xuncha.testing.TestClock;

/**
 * The pages as a browser posts them: the settings form, an overdue item shown red, 挂牌 by the office, progress by
 * the receiver (an empty one re-rendered with the message), and the API beside them.
 */
@SpringBootTest(properties = "xuncha.test.context=referral-pages")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClockPageTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired TestClock testClock;
    @Autowired DataScopes scopes;
    @Autowired FieldCipher cipher;

    ClockWorld cw;
    long item;

    @BeforeAll
    void world() {
        cw = new ClockWorld(new ReferralWorld(jdbc, encoder, clock, scopes, cipher, "rkw", "5845"), jdbc);
        item = cw.signed(cw.transferred(true, ReceiverKind.DISCIPLINE), LocalDate.of(2026, 11, 30),
                LocalDate.of(2027, 2, 28), LocalDate.of(2027, 2, 21));
    }

    MockHttpServletResponse as(String who, MockHttpServletRequestBuilder request) throws Exception {
        var p = cw.rw.principal(who);
        return mvc.perform(request.with(csrf())
                .with(authentication(new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()))))
                .andReturn().getResponse();
    }

    @Test
    void anOverdueItemIsRedAndTheOfficeMarksItAndTheReceiverReports() throws Exception {
        testClock.setTo(LocalDateTime.of(2027, 3, 1, 9, 0));
        var page = as("office-a", get("/referrals/supervised/" + item));
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("xc-due-overdue").contains("2027-02-28").contains("逾期")
                .contains("id=\"mark-form\"").doesNotContain("id=\"progress-form\"");
        testClock.setTo(LocalDateTime.of(2027, 2, 28, 9, 0));
        assertThat(as("office-a", get("/referrals/supervised/" + item)).getContentAsString())
                .as("on the due day").doesNotContain("xc-due-overdue");

        var marked = as("office-a", post("/referrals/supervised/" + item + "/mark").param("version", "2")
                .param("reason", "重点线索"));
        assertThat(marked.getStatus()).isEqualTo(302);
        assertThat(marked.getRedirectedUrl()).isEqualTo("/referrals/supervised/" + item);
        var list = as("discipline-a", get("/referrals/supervised"));
        assertThat(list.getStatus()).isEqualTo(200);
        assertThat(list.getContentAsString()).contains("data-item-id=\"" + item + "\"").contains("待报送");

        var empty = as("discipline-a", post("/referrals/supervised/" + item + "/progress").param("progress", ""));
        assertThat(empty.getStatus()).isEqualTo(200);
        assertThat(empty.getContentAsString()).contains("请填写办理进展").contains("id=\"progress-form\"");
        var reported = as("discipline-a", post("/referrals/supervised/" + item + "/progress")
                .param("progress", "已初步核实。"));
        assertThat(reported.getStatus()).isEqualTo(302);
        assertThat(as("office-a", get("/referrals/supervised/" + item)).getContentAsString())
                .contains("已初步核实。").contains("2027-02");

        assertThat(as("discipline-b", get("/referrals/supervised/" + item)).getStatus()).isEqualTo(404);
        assertThat(as("target-a1", get("/referrals/supervised/" + item)).getStatus()).isEqualTo(403);
        var api = as("discipline-a", get("/api/referrals/supervised/" + item));
        assertThat(api.getStatus()).isEqualTo(200);
        assertThat(api.getContentAsString()).contains("\"supervised\":true").contains("已初步核实。");
    }

    @Test
    void theOfficeSavesItsTermAndABadValueIsShownWithNothingChanged() throws Exception {
        var page = as("office-b", get("/referrals/settings"));
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("默认（未修改）").contains("value=\"3\"").contains("value=\"7\"");
        var bad = as("office-b", post("/referrals/settings").param("version", "0").param("replyMonths", "三")
                .param("remindDays", "7").param("progressCycle", "MONTHLY"));
        assertThat(bad.getStatus()).isEqualTo(200);
        assertThat(bad.getContentAsString()).contains("办理期限（月）应为整数");
        var saved = as("office-b", post("/referrals/settings").param("version", "0").param("replyMonths", "2")
                .param("remindDays", "10").param("progressCycle", "BIMONTHLY"));
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(as("office-b", get("/referrals/settings")).getContentAsString()).contains("value=\"10\"")
                .contains("修改于");
        var api = as("office-b", get("/api/referrals/settings"));
        assertThat(api.getContentAsString()).contains("\"replyMonths\":2").contains("\"cycle\":\"BIMONTHLY\"");
    }
}
