package org.xuncha.findings.worklog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.upload.HostileUploads;

/**
 * The pages and the JSON of the work logs as a team member uses them: a questionnaire with a scanned sheet through
 * the upload check, post/redirect/get to the detail, an edit at a stale version refused naming the versions, a
 * withdrawal, the list with its counts; a polyglot sheet and an empty JSON body are refused and store nothing.
 */
@SpringBootTest(properties = "xuncha.test.context=findings")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkLogPageTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired TeamWorkLogs logs;

    WorkLogWorld world;
    String yesterday;

    @BeforeAll
    void world() {
        world = new WorkLogWorld(jdbc, encoder, clock, scopes, "wlpage", "5344");
        yesterday = LocalDate.now(clock).minusDays(1).toString();
    }

    long logsOf(long inspection) {
        return jdbc.sql("SELECT count(*) FROM work_log WHERE inspection_id = :i").param("i", inspection)
                .query(Long.class).single();
    }

    @Test
    void aQuestionnaireWithItsSheetIsRecordedEditedByVersionAndWithdrawn() throws Exception {
        long insp = world.w.inspection;
        String location = mvc.perform(multipart("/work-logs")
                        .file(new MockMultipartFile("files", "问卷扫描.png", "image/png", HostileUploads.image("png")))
                        .param("inspection", Long.toString(insp)).param("kind", "QUESTIONNAIRE")
                        .param("heldOn", yesterday).param("place", "局机关").param("issuedCount", "60")
                        .param("returnedCount", "58").with(world.as("team-member")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String detail = mvc.perform(get(location).with(world.as("team-member"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(detail).contains("60 份 / 58 份").contains("问卷扫描");
        assertThat(jdbc.sql("SELECT count(*) FROM work_log_attachment WHERE work_log_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1L);

        mvc.perform(post("/work-logs/" + id).param("version", "1").param("kind", "QUESTIONNAIRE")
                        .param("heldOn", yesterday).param("issuedCount", "60").param("returnedCount", "59")
                        .with(world.as("team-leader")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String stale = mvc.perform(post("/work-logs/" + id).param("version", "1").param("kind", "QUESTIONNAIRE")
                        .param("heldOn", yesterday).param("issuedCount", "60").param("returnedCount", "10")
                        .with(world.as("team-member")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(stale).contains("当前为第 2 版，您提交的是第 1 版");
        assertThat(logs.view(world.scope("team-member"), id).returnedCount()).isEqualTo(59);

        mvc.perform(post("/work-logs/" + id + "/withdraw").param("version", "2").param("reason", "与另一份重复")
                .with(world.as("team-member")).with(csrf())).andExpect(status().is3xxRedirection());
        String list = mvc.perform(get("/work-logs").param("inspection", Long.toString(insp))
                        .param("kind", "QUESTIONNAIRE").with(world.as("office-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("已撤回").contains("data-work-log-id=\"" + id + "\"");
        assertThat(logs.counts(world.scope("office-a"), insp).questionnairesReturned()).isZero();
    }

    @Test
    void aPolyglotSheetAMissingFieldAndAnEmptyBodyStoreNothing() throws Exception {
        long insp = world.w.other;
        long before = logsOf(insp);
        String page = mvc.perform(multipart("/work-logs")
                        .file(new MockMultipartFile("files", "问卷.pdf", "application/pdf", HostileUploads.pdfZipPolyglot()))
                        .param("inspection", Long.toString(insp)).param("kind", "QUESTIONNAIRE")
                        .param("heldOn", yesterday).param("issuedCount", "5").param("returnedCount", "5")
                        .with(world.as("other-member")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("work-log-error").contains("伪装");
        page = mvc.perform(post("/work-logs").param("inspection", Long.toString(insp)).param("kind", "VISIT")
                        .param("heldOn", yesterday).param("personsCount", "三")
                        .with(world.as("other-member")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("人数须是整数");
        mvc.perform(post("/api/work-logs").contentType(MediaType.APPLICATION_JSON).content("{}")
                .with(world.as("other-member")).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post("/api/work-logs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"inspectionId\":" + world.w.inspection + ",\"kind\":\"VISIT\",\"heldOn\":\""
                                + yesterday + "\",\"place\":\"水厂\",\"personsCount\":3}")
                        .with(world.as("other-member")).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(logsOf(insp)).isEqualTo(before);
        mvc.perform(post("/api/work-logs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"inspectionId\":" + insp + ",\"kind\":\"VISIT\",\"heldOn\":\"" + yesterday
                                + "\",\"place\":\"水厂\",\"personsCount\":3}")
                        .with(world.as("other-member")).with(csrf()))
                .andExpect(status().isCreated());
        assertThat(logsOf(insp)).isEqualTo(before + 1);
    }

    @Test
    void everyKindHasItsFormAndATalkEditOpensItsSealedFieldsForTheTeamOnly() throws Exception {
        for (WorkLogKind kind : WorkLogKind.values()) {
            String form = mvc.perform(get("/work-logs/new").param("inspection", Long.toString(world.w.inspection))
                            .param("kind", kind.name()).with(world.as("team-member")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(form).as(kind.name()).contains("记录" + kind.label());
        }
        String talkForm = mvc.perform(get("/work-logs/new").param("kind", "TALK").with(world.as("team-member")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(talkForm).contains("谈话对象姓名").contains("信访组员").contains("服务对象/群众");
        long id = logs.record(world.scope("team-member"), world.w.inspection, WorkLogWorld.talk(
                LocalDate.now(clock).minusDays(1), world.team(world.w.inspection), "钱某", "出纳", "账外资金"),
                java.util.List.of());
        String edit = mvc.perform(get("/work-logs/" + id + "/edit").with(world.as("team-leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(edit).contains("钱某").contains("出纳").contains("账外资金");
        mvc.perform(get("/work-logs/" + id + "/edit").with(world.as("other-member"))).andExpect(status().isNotFound());
        String office = mvc.perform(get("/work-logs/" + id).with(world.as("office-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(office).contains("仅本巡察组可查看").doesNotContain("钱某").doesNotContain("账外资金");
    }

    @Test
    void theInspectionPageLinksToItsWorkLogs() throws Exception {
        String page = mvc.perform(get("/inspections/" + world.w.inspection).with(world.as("team-leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("/work-logs?inspection=" + world.w.inspection);
    }
}
