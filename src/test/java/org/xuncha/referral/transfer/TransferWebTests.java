package org.xuncha.referral.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.referral.ReferralWorld;

/**
 * The office's 移交 pages and JSON on the referral world (city code 5882): the awaiting page with the suggested
 * receivers, a batch by the form that redirects to its letter, a refused batch re-rendered with its Chinese message,
 * the list with labels and filters, 转办 by the form, and the roles and bodies that may not: 403 for any role but the
 * OFFICE, 404 for an office that does not read the item, and the TARGET learns nothing.
 */
@SpringBootTest(properties = "xuncha.test.context=referral")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferWebTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired FieldCipher cipher;

    ReferralWorld rw;
    List<ReferralWorld.Person> persons = List.of(new ReferralWorld.Person("丙某", null, "科员", "SECTION"));

    @BeforeAll
    void world() {
        rw = new ReferralWorld(jdbc, encoder, clock, scopes, cipher, "rtw", "5882");
    }

    String page(String url, String who) throws Exception {
        return mvc.perform(get(url).with(rw.w.as(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    long itemOf(long lead) {
        return jdbc.sql("SELECT id FROM transfer_item WHERE subject_kind = 'LEAD' AND subject_id = :l")
                .param("l", lead).query(Long.class).single();
    }

    @Test
    void theOfficeTransfersByTheFormAndSeesTheLetterAndTheList() throws Exception {
        long integrity = rw.reportedLead(rw.w.inspection, "网页廉洁线索", "INTEGRITY", persons);
        long org = rw.reportedLead(rw.w.inspection, "网页选人线索", "ORGANIZATIONAL", persons);
        String awaiting = page("/referrals/transfer", "office-a");
        assertThat(awaiting).contains("网页廉洁线索", "网页选人线索", "LEAD:" + integrity, "LEAD:" + org)
                .doesNotContain("丙某");
        assertThat(page("/referrals/transfer", "office-b")).doesNotContain("网页廉洁线索");

        String error = mvc.perform(post("/referrals/transfer").with(csrf()).with(rw.w.as("office-a"))
                        .param("line", "LEAD:" + integrity).param("receiverKind", "DEPARTMENT"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(error).contains("移交其他部门时请填写接收部门名称");
        assertThat(jdbc.sql("SELECT count(*) FROM transfer_item WHERE subject_kind = 'LEAD' AND subject_id = :l")
                .param("l", integrity).query(Long.class).single()).isZero();

        String location = mvc.perform(post("/referrals/transfer").with(csrf()).with(rw.w.as("office-a"))
                        .param("line", "LEAD:" + integrity).param("receiverKind", "DISCIPLINE")
                        .param("receiverBody", Long.toString(rw.w.countyA)).param("note", "请三个月内反馈"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/referrals/letters/");
        String letter = page(location, "office-a");
        assertThat(letter).contains("清巡移〔", "网页廉洁线索", "纪委监委：清江甲县纪委监委", "请三个月内反馈");
        assertThat(page(location, "office-city")).contains("网页廉洁线索");
        String letterId = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(get(location).with(rw.w.as("office-b"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/referrals/letters/" + letterId).with(rw.w.as("office-b")))
                .andExpect(status().isNotFound());

        String list = page("/referrals?subjectKind=LEAD&receiverKind=DISCIPLINE", "office-a");
        assertThat(list).contains("网页廉洁线索", "已移交", "问题线索").doesNotContain("网页选人线索");
        assertThat(page("/referrals?status=CLOSED", "office-a")).doesNotContain("网页廉洁线索");
        assertThat(page("/referrals", "office-b")).doesNotContain("网页廉洁线索");
        String json = page("/api/referrals?subjectKind=LEAD", "office-city");
        assertThat(json).contains("网页廉洁线索", "\"statusLabel\":\"已移交\"", "\"receiverKindLabel\":\"纪委监委\"");
        assertThat(page("/referrals/transfer", "office-a")).doesNotContain("LEAD:" + integrity)
                .contains("LEAD:" + org);
    }

    @Test
    void redirectByTheFormAndItsRefusals() throws Exception {
        long lead = rw.reportedLead(rw.w.inspection, "网页转办线索", "INTEGRITY", persons);
        mvc.perform(post("/api/referrals/transfers").with(csrf()).with(rw.w.as("office-a"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[{\"kind\":\"LEAD\",\"subjectId\":" + lead + "}],\"receiverKind\":\"DISCIPLINE\"}"))
                .andExpect(status().isOk());
        long item = itemOf(lead);
        assertThat(page("/referrals/items/" + item + "/route", "office-a")).contains("redirect-form", "网页转办线索");
        assertThat(page("/referrals/items/" + item + "/route", "office-city")).contains("网页转办线索")
                .doesNotContain("redirect-form");
        String refused = mvc.perform(post("/referrals/items/" + item + "/redirect").with(csrf())
                        .with(rw.w.as("office-a")).param("version", "1").param("receiverKind", "ORG_DEPT"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("请填写转办理由");
        mvc.perform(post("/referrals/items/" + item + "/redirect").with(csrf()).with(rw.w.as("office-city"))
                .param("version", "1").param("receiverKind", "ORG_DEPT").param("reason", "理由"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/referrals/items/" + item + "/redirect").with(csrf()).with(rw.w.as("office-a"))
                        .param("version", "1").param("receiverKind", "ORG_DEPT").param("reason", "属组织部职责"))
                .andExpect(status().is3xxRedirection());
        String detail = page("/referrals/items/" + item + "/route", "office-a");
        assertThat(detail).contains("第 1 次转办", "属组织部职责", "组织部：清江甲县委组织部");
        String json = page("/api/referrals/items/" + item + "/route", "office-a");
        assertThat(json).contains("\"position\":2", "属组织部职责", "\"version\":2");
    }

    @Test
    void noRoleButTheOfficeTransfersOrReadsAndOtherOfficesGetNotFound() throws Exception {
        long lead = rw.reportedLead(rw.w.inspection, "网页范围线索", "INTEGRITY", persons);
        mvc.perform(post("/api/referrals/transfers").with(csrf()).with(rw.w.as("office-a"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[{\"kind\":\"LEAD\",\"subjectId\":" + lead + "}],\"receiverKind\":\"DISCIPLINE\"}"))
                .andExpect(status().isOk());
        long item = itemOf(lead);
        for (String who : List.of("team-leader", "discipline-a", "orgdept-a", "audit-dept", "leader-a",
                "target-a1")) {
            mvc.perform(get("/referrals/transfer").with(rw.w.as(who))).andExpect(status().isForbidden());
            mvc.perform(get("/referrals").with(rw.w.as(who))).andExpect(status().isForbidden());
            mvc.perform(get("/referrals/items/" + item + "/route").with(rw.w.as(who))).andExpect(status().isForbidden());
            mvc.perform(post("/referrals/transfer").with(csrf()).with(rw.w.as(who)).param("line", "LEAD:" + lead)
                    .param("receiverKind", "DISCIPLINE")).andExpect(status().isForbidden());
            mvc.perform(post("/referrals/items/" + item + "/redirect").with(csrf()).with(rw.w.as(who))
                    .param("version", "1").param("receiverKind", "ORG_DEPT").param("reason", "理由"))
                    .andExpect(status().isForbidden());
        }
        String body = mvc.perform(get("/referrals/items/" + item).with(rw.w.as("office-b")))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("网页范围线索");
        mvc.perform(get("/api/referrals/items/" + item).with(rw.w.as("office-b"))).andExpect(status().isNotFound());
        String json = page("/api/referrals", "office-b");
        assertThat(json).doesNotContain("网页范围线索");
    }
}
