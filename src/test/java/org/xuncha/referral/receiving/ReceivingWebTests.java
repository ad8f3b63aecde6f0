package org.xuncha.referral.receiving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.documents.WordFiles;
import org.xuncha.identity.DataScopes;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.ReferralWorld;

/**
 * The receivers' pages and API over HTTP: the worklist with its labels, the 签收 by post/redirect/get (and refused a
 * second time on the page), the office's 代为签收, the persons unsealed on the page and through the API, the annex as
 * a download, the 待办 and the menu; roles outside get 403 and readers outside the item 404. A transferred petition:
 * its content for the receiver and the office, never its reporter (page, API, annex, letter); intake's reading of it
 * follows referral's current receiver through 转办.
 */
@SpringBootTest(properties = "xuncha.test.context=referral-web")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceivingWebTests {

    static final String NAME = "庚某某";
    static final String ID = "440524188001010014";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired FieldCipher cipher;

    ReferralWorld rw;
    int serial;

    @BeforeAll
    void world() {
        rw = new ReferralWorld(jdbc, encoder, clock, scopes, cipher, "rcw", "5874");
        jdbc.sql("UPDATE user_account SET display_name = '钱审查' WHERE username = 'rcwdiscipline-a'").update();
        jdbc.sql("UPDATE user_account SET display_name = '孙巡察' WHERE username = 'rcwoffice-a'").update();
    }

    long fresh(ReceiverKind kind, String department) {
        var w = rw.w;
        return rw.transferred(rw.reportedLead(w.inspection, "网页线索" + (++serial), "INTEGRITY",
                List.of(new ReferralWorld.Person(NAME, ID, "财务科科长", "SECTION"))), kind, w.countyA, department, 1);
    }

    RequestPostProcessor as(String who) {
        XunchaPrincipal p = rw.principal(who);
        return authentication(new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }

    String page(String url, String who) throws Exception {
        return mvc.perform(get(url).with(as(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    int statusOf(String url, String who) throws Exception {
        return mvc.perform(get(url).with(as(who))).andReturn().getResponse().getStatus();
    }

    @Test
    void theReceiverSignsOnItsPageOnceAndThenUnsealsWithAReason() throws Exception {
        long id = fresh(ReceiverKind.DISCIPLINE, null);
        String list = page("/referrals/received?signing=AWAITING", "discipline-a");
        assertThat(list).contains("网页线索" + serial).contains("已移交").contains("纪委监委").contains("问题线索")
                .contains("待签收");
        String item = page("/referrals/items/" + id, "discipline-a");
        assertThat(item).contains("id=\"sign-button\"").contains("科级 1 人").contains("在工程项目验收中收受施工方礼金")
                .doesNotContain(NAME).doesNotContain("unseal-button");

        mvc.perform(post("/referrals/items/" + id + "/sign").param("version", "1").with(csrf()).with(as("discipline-a")))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/referrals/items/" + id, "discipline-a")).contains("已签收").contains("钱审查")
                .contains("接收单位签收").contains("unseal-button").doesNotContain("id=\"sign-button\"");
        String again = mvc.perform(post("/referrals/items/" + id + "/sign").param("version", "2").with(csrf())
                .with(as("discipline-a"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("该移交件已由钱审查签收，不能重复签收");

        String refused = mvc.perform(post("/referrals/items/" + id + "/unseal").param("reason", "看").with(csrf())
                .with(as("discipline-a"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("请写明查看涉及人员的理由").doesNotContain(NAME);
        String opened = mvc.perform(post("/referrals/items/" + id + "/unseal").param("reason", "核实问题线索需要")
                .with(csrf()).with(as("discipline-a"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(opened).contains(NAME).contains(ID).contains("财务科科长").contains("核实问题线索需要");
        assertThat(page("/referrals/items/" + id, "discipline-a")).as("shown once, on the page that asked")
                .doesNotContain(NAME);
    }

    @Test
    void theOfficeSignsOnBehalfAndNeverUnsealsTheTeamReadsTheStatusOnly() throws Exception {
        long id = fresh(ReceiverKind.ORG_DEPT, null);
        assertThat(page("/referrals/received", "office-a")).contains("网页线索" + serial);
        assertThat(page("/referrals/items/" + id, "office-a")).contains("sign-on-behalf-button");
        mvc.perform(post("/referrals/items/" + id + "/sign").param("version", "1").with(csrf()).with(as("office-a")))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/referrals/items/" + id, "orgdept-a")).contains("巡察办代为签收").contains("孙巡察");
        assertThat(mvc.perform(post("/referrals/items/" + id + "/unseal").param("reason", "核实问题线索需要")
                .with(csrf()).with(as("office-a"))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/referrals/items/" + id + "/unseal").param("reason", "核实问题线索需要")
                .with(csrf()).with(as("team-leader"))).andReturn().getResponse().getStatus()).isEqualTo(403);
        String team = page("/referrals/items/" + id, "team-leader");
        assertThat(team).contains("已签收").doesNotContain("在工程项目验收中").doesNotContain("unseal-button");
        assertThat(statusOf("/referrals/items/" + id, "discipline-a")).as("a discipline reader of an 组织部 item")
                .isEqualTo(404);
        assertThat(statusOf("/referrals/items/" + id, "target-a1")).isEqualTo(403);
        assertThat(statusOf("/referrals/received", "target-a1")).isEqualTo(403);
        assertThat(statusOf("/referrals/items/" + id, "leader-a")).isEqualTo(403);
        assertThat(statusOf("/api/referrals/items/" + id, "discipline-b")).isEqualTo(404);
    }

    @Test
    void theApiListsSignsUnsealsAndDownloadsTheAnnexForTheDepartment() throws Exception {
        long id = fresh(ReceiverKind.DEPARTMENT, "甲县审计局");
        String list = mvc.perform(get("/api/referrals/received").with(as("audit-dept"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("网页线索" + serial).contains("\"status\":\"TRANSFERRED\"").doesNotContain(NAME);
        assertThat(mvc.perform(get("/api/referrals/received").with(as("civil-dept"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).doesNotContain("网页线索" + serial);
        String signed = mvc.perform(post("/api/referrals/items/" + id + "/sign").with(csrf()).with(as("audit-dept"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":1}")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(signed).contains("\"status\":\"SIGNED\"").contains("\"dueOn\"");
        assertThat(mvc.perform(post("/api/referrals/items/" + id + "/unseal").with(csrf()).with(as("audit-dept"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString()).contains("请写明查看涉及人员的理由");
        assertThat(mvc.perform(post("/api/referrals/items/" + id + "/unseal").with(csrf()).with(as("audit-dept"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"审计核实需要\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains(NAME).contains(ID);
        byte[] docx = mvc.perform(post("/api/referrals/items/" + id + "/annex").with(csrf()).with(as("audit-dept"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"审计核实需要\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(WordFiles.text(docx)).contains(NAME).contains(ID);
        byte[] page = mvc.perform(post("/referrals/items/" + id + "/annex").param("reason", "审计核实需要").with(csrf())
                .with(as("audit-dept"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(WordFiles.text(page)).contains(NAME);
    }

    // ---- transferred petitions: content for the receiver, never the reporter; reading follows the receiver -----

    static final String PETITION = "反映甲县水务局某科长在河道工程验收中收受礼金两万元。";
    static final String REPORTER = "欧阳举报人";
    static final String PHONE = "13912345678";

    /** The office's 移交 by its page (the real batch: letter, items, intake's mark); returns the letter's id. */
    long transferByOffice(ReceiverKind kind, String department, String... lines) throws Exception {
        var post = post("/referrals/transfer").param("line", lines).param("receiverKind", kind.name())
                .param("receiverBody", "" + rw.w.countyA).with(csrf()).with(as("office-a"));
        if (department != null) {
            post = post.param("department", department);
        }
        String to = mvc.perform(post).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(to).startsWith("/referrals/letters/");
        return Long.parseLong(to.substring("/referrals/letters/".length()));
    }

    long itemOf(String kind, long subject) {
        return jdbc.sql("SELECT id FROM transfer_item WHERE subject_kind = :k AND subject_id = :s").param("k", kind)
                .param("s", subject).query(Long.class).single();
    }

    int versionOf(long item) {
        return jdbc.sql("SELECT row_version FROM transfer_item WHERE id = :i").param("i", item).query(Integer.class)
                .single();
    }

    String api(String url, String who) throws Exception {
        return mvc.perform(get(url).with(as(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void theReceiverReadsATransferredPetitionsContentButNeverItsReporter() throws Exception {
        long petition = rw.disposedPetition(rw.w.inspection, "DISCIPLINE", null, PETITION, REPORTER, PHONE);
        long lead = rw.reportedLead(rw.w.inspection, "网页线索" + (++serial), "INTEGRITY",
                List.of(new ReferralWorld.Person(NAME, ID, "财务科科长", "SECTION")));
        long letter = transferByOffice(ReceiverKind.DISCIPLINE, null, "PETITION:" + petition, "LEAD:" + lead);
        long p = itemOf("PETITION", petition);
        long l = itemOf("LEAD", lead);
        // the reporter is there, sealed, in intake: what follows would show it if anything opened it
        assertThat(jdbc.sql("SELECT reporter_name_sealed FROM petition WHERE id = :p").param("p", petition)
                .query(String.class).single()).isNotBlank().doesNotContain(REPORTER);

        for (String who : List.of("discipline-a", "office-a")) {
            assertThat(page("/referrals/items/" + p, who)).as(who).contains(PETITION).contains("来信")
                    .doesNotContain(REPORTER).doesNotContain(PHONE);
            assertThat(api("/api/referrals/items/" + p, who)).as(who).contains(PETITION)
                    .doesNotContain(REPORTER).doesNotContain(PHONE);
        }
        assertThat(page("/referrals/received", "discipline-a")).contains("信访件").doesNotContain(REPORTER)
                .doesNotContain(PHONE);
        assertThat(api("/api/referrals/received", "discipline-a")).doesNotContain(REPORTER).doesNotContain(PHONE);

        for (long item : List.of(p, l)) {
            mvc.perform(post("/api/referrals/items/" + item + "/sign").with(csrf()).with(as("discipline-a"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"version\":1}")).andExpect(status().isOk());
        }
        assertThat(page("/referrals/items/" + p, "discipline-a")).contains(PETITION).contains("已签收")
                .doesNotContain(REPORTER).doesNotContain(PHONE).doesNotContain("unseal-button");
        // the annex of the letter (both lines) lists the lead's person, not the petition's reporter
        byte[] annex = mvc.perform(post("/api/referrals/items/" + l + "/annex").with(csrf()).with(as("discipline-a"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"初步核实需要\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(WordFiles.text(annex)).contains(NAME).doesNotContain(REPORTER).doesNotContain(PHONE);
        assertThat(mvc.perform(post("/api/referrals/items/" + p + "/annex").with(csrf()).with(as("discipline-a"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"初步核实需要\"}"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString())
                .contains("信访件没有移交的涉及人员").doesNotContain(REPORTER);
        assertThat(mvc.perform(post("/api/referrals/items/" + p + "/unseal").with(csrf()).with(as("discipline-a"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"初步核实需要\"}"))
                .andReturn().getResponse().getContentAsString()).doesNotContain(REPORTER).doesNotContain(PHONE);
        // nor does the signed 移交函 itself
        byte[] docx = mvc.perform(get("/referrals/letters/" + letter + "/docx").with(as("office-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(WordFiles.text(docx)).contains("信访件").doesNotContain(REPORTER).doesNotContain(PHONE)
                .doesNotContain(PETITION);
    }

    @Test
    void aPetitionRedirectedAwayFromTheDisciplineIsReadByItsNewReceiverOnly() throws Exception {
        long petition = rw.disposedPetition(rw.w.inspection, "DISCIPLINE", null, PETITION + "（转办）", REPORTER, PHONE);
        transferByOffice(ReceiverKind.DISCIPLINE, null, "PETITION:" + petition);
        long p = itemOf("PETITION", petition);
        assertThat(page("/referrals/items/" + p, "discipline-a")).contains(PETITION + "（转办）");
        assertThat(statusOf("/api/petitions/" + petition, "discipline-a")).as("intake, with the 纪委").isEqualTo(200);

        mvc.perform(post("/referrals/items/" + p + "/redirect").param("version", "" + versionOf(p))
                .param("receiverKind", "DEPARTMENT").param("receiverBody", "" + rw.w.countyA)
                .param("department", "甲县审计局").param("reason", "属审计部门职责").with(csrf()).with(as("office-a")))
                .andExpect(status().is3xxRedirection());
        for (String url : List.of("/referrals/items/" + p, "/api/referrals/items/" + p, "/petitions/" + petition,
                "/api/petitions/" + petition)) {
            assertThat(statusOf(url, "discipline-a")).as("the 纪委 it left: " + url).isEqualTo(404);
        }
        assertThat(page("/referrals/received", "discipline-a")).doesNotContain("/referrals/items/" + p + "\"");
        assertThat(page("/referrals/items/" + p, "audit-dept")).as("the new receiver").contains(PETITION + "（转办）")
                .doesNotContain(REPORTER).doesNotContain(PHONE);
        assertThat(api("/api/referrals/items/" + p, "audit-dept")).contains(PETITION + "（转办）")
                .doesNotContain(REPORTER);
        assertThat(statusOf("/referrals/items/" + p, "civil-dept")).isEqualTo(404);

        // and back to the 纪委: it reads again, the department no longer
        mvc.perform(post("/referrals/items/" + p + "/redirect").param("version", "" + versionOf(p))
                .param("receiverKind", "DISCIPLINE").param("receiverBody", "" + rw.w.countyA)
                .param("reason", "经研究仍由纪委监委办理").with(csrf()).with(as("office-a")))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf("/api/petitions/" + petition, "discipline-a")).isEqualTo(200);
        assertThat(page("/referrals/items/" + p, "discipline-a")).contains(PETITION + "（转办）");
        assertThat(statusOf("/referrals/items/" + p, "audit-dept")).isEqualTo(404);
    }

    @Test
    void aPetitionDisposedToTheDisciplineButTransferredElsewhereIsNotTheDisciplinesToRead() throws Exception {
        long petition = rw.disposedPetition(rw.w.inspection, "DISCIPLINE", null, PETITION + "（组织部）", REPORTER,
                PHONE);
        transferByOffice(ReceiverKind.ORG_DEPT, null, "PETITION:" + petition);
        long p = itemOf("PETITION", petition);
        assertThat(statusOf("/api/petitions/" + petition, "discipline-a")).isEqualTo(404);
        assertThat(statusOf("/referrals/items/" + p, "discipline-a")).isEqualTo(404);
        assertThat(page("/referrals/items/" + p, "orgdept-a")).contains(PETITION + "（组织部）")
                .doesNotContain(REPORTER);
    }

    @Test
    void theReceiversHomePageCountsWhatWaitsAndShowsTheMenuTheTargetSeesNeither() throws Exception {
        fresh(ReceiverKind.DISCIPLINE, null);
        assertThat(page("/", "discipline-a")).contains("待签收的移交件").contains("/referrals/received");
        assertThat(page("/", "target-a1")).doesNotContain("移交");
    }
}
