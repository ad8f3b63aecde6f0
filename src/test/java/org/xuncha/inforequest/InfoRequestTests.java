package org.xuncha.inforequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.xuncha.platform.upload.HostileUploads;

/**
 * 巡前通报 through the pages and the API: sending in bulk to departments that can answer, the collaborator's
 * department scope, the one final answer with checked attachments, the overdue flag, the dossier for the team and
 * the office, downloads, audit records, and 403/404 for everyone else.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InfoRequestTests {

    @Autowired MockMvc mvc;
    @Autowired java.time.Clock clock;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    InfoRequestWorld w;

    @BeforeAll
    void world() {
        w = new InfoRequestWorld(jdbc, encoder, "RQT-", "6407");
    }

    /** The business date on the application's (test) clock, as the services compare due dates with it. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    long requests(long inspection) {
        return jdbc.sql("SELECT count(*) FROM info_request WHERE inspection_id = :i").param("i", inspection)
                .query(Long.class).single();
    }

    long audits(String action, long requestId) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = :a AND object_id = :id")
                .param("a", action).param("id", String.valueOf(requestId)).query(Long.class).single();
    }

    Map<String, Object> row(long id) {
        return jdbc.sql("SELECT status, answer, answered_by, version FROM info_request WHERE id = :id").param("id", id)
                .query().singleRow();
    }

    long attachments(long requestId) {
        return jdbc.sql("SELECT count(*) FROM info_request_attachment WHERE request_id = :id").param("id", requestId)
                .query(Long.class).single();
    }

    static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("files", name, "application/octet-stream", content);
    }

    MockMultipartHttpServletRequestBuilder answer(String path, String text, MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder b = multipart(path);
        for (MockMultipartFile f : files) {
            b.file(f);
        }
        b.param("answer", text);
        return b;
    }

    // ---------------------------------------------------------------- sending

    @Test
    void officeSendsOneQuestionToSeveralDepartmentsAboutSeveralTargets() throws Exception {
        long before = requests(w.inspection);
        mvc.perform(post("/info-requests").with(w.as("office-a")).with(csrf())
                        .param("inspectionId", String.valueOf(w.inspection))
                        .param("organizationIds", String.valueOf(w.a1), String.valueOf(w.a2))
                        .param("departments", w.audit, w.petitions)
                        .param("question", "请提供该单位近三年审计发现问题及整改情况")
                        .param("dueOn", today().plusDays(10).toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/info-requests?inspection=" + w.inspection + "&status="));
        assertThat(requests(w.inspection)).isEqualTo(before + 4);
        List<Map<String, Object>> sent = jdbc.sql("""
                SELECT id, organization_id, department, status, due_on FROM info_request
                WHERE inspection_id = :i AND question = '请提供该单位近三年审计发现问题及整改情况' ORDER BY id
                """).param("i", w.inspection).query().listOfRows();
        assertThat(sent).hasSize(4);
        assertThat(sent).extracting(r -> r.get("department")).containsOnly(w.audit, w.petitions);
        assertThat(sent).extracting(r -> ((Number) r.get("organization_id")).longValue()).containsOnly(w.a1, w.a2);
        assertThat(sent).extracting(r -> r.get("status")).containsOnly("SENT");
        for (Map<String, Object> r : sent) {
            assertThat(audits("INFO_REQUEST_SENT", ((Number) r.get("id")).longValue())).isEqualTo(1);
        }
    }

    @Test
    void sendingIsRefusedInChineseAndChangesNothing() throws Exception {
        long before = requests(w.inspection);
        String due = today().plusDays(5).toString();
        Map<String, String[]> refusals = Map.of(
                InfoRequestDesk.DUE_IN_PAST, new String[] {String.valueOf(w.inspection), String.valueOf(w.a1), w.audit,
                        today().minusDays(1).toString()},
                InfoRequestDesk.UNKNOWN_DEPARTMENT.formatted("随便填的部门"), new String[] {String.valueOf(w.inspection), String.valueOf(w.a1), "随便填的部门", due},
                InfoRequestDesk.UNKNOWN_DEPARTMENT.formatted(w.unusedDepartment), new String[] {String.valueOf(w.inspection), String.valueOf(w.a1), w.unusedDepartment, due},
                InfoRequestDesk.NOT_A_TARGET, new String[] {String.valueOf(w.inspection), String.valueOf(w.b1), w.audit, due},
                InfoRequestDesk.NO_TARGET, new String[] {String.valueOf(w.inspection), "", w.audit, due},
                InfoRequestDesk.NO_DEPARTMENT, new String[] {String.valueOf(w.inspection), String.valueOf(w.a1), "", due},
                InfoRequestDesk.NOT_OPEN, new String[] {String.valueOf(w.reporting), String.valueOf(w.a2), w.audit, due});
        for (var refusal : refusals.entrySet()) {
            String[] v = refusal.getValue();
            mvc.perform(post("/info-requests").with(w.as("office-a")).with(csrf())
                            .param("inspectionId", v[0]).param("organizationIds", v[1]).param("departments", v[2])
                            .param("question", "请提供情况").param("dueOn", v[3]))
                    .andExpect(status().isOk())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .string(containsString(refusal.getKey())));
        }
        assertThat(requests(w.inspection)).isEqualTo(before);
        assertThat(requests(w.reporting)).isZero();
        // the form offers only the departments that have an enabled collaborator account
        String form = mvc.perform(get("/info-requests/new").param("inspection", String.valueOf(w.inspection))
                .with(w.as("office-a"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains(w.audit).contains(w.petitions).doesNotContain(w.unusedDepartment)
                .contains("甲区财政局党组").contains("甲区住建局党组");
    }

    @Test
    void officeOfAnotherCountyCannotReadOrSend() throws Exception {
        long id = w.request(w.inspection, w.a1, w.audit, today().plusDays(3));
        mvc.perform(get("/info-requests/" + id).with(w.as("office-b"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/info-requests/" + id).with(w.as("office-b"))).andExpect(status().isNotFound());
        mvc.perform(get("/info-requests/new").param("inspection", String.valueOf(w.inspection)).with(w.as("office-b")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/dossiers/" + w.inspection + "/" + w.a1).with(w.as("office-b"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/info-requests").param("inspection", String.valueOf(w.inspection)).with(w.as("office-b")))
                .andExpect(jsonPath("$.total").value(0));
        long before = requests(w.inspection);
        mvc.perform(post("/info-requests").with(w.as("office-b")).with(csrf())
                .param("inspectionId", String.valueOf(w.inspection)).param("organizationIds", String.valueOf(w.a1))
                .param("departments", w.audit).param("question", "越权").param("dueOn", today().plusDays(3).toString()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/info-requests").with(w.as("office-b")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"inspectionId\":" + w.inspection + ",\"organizationIds\":[" + w.a1 + "],\"departments\":[\""
                        + w.audit + "\"],\"question\":\"越权\",\"dueOn\":\"" + today().plusDays(3) + "\"}"))
                .andExpect(status().isNotFound());
        // the city office reads its county's requests but cannot send for the county's inspection
        mvc.perform(get("/api/info-requests/" + id).with(w.as("office-city"))).andExpect(status().isOk());
        mvc.perform(post("/info-requests").with(w.as("office-city")).with(csrf())
                .param("inspectionId", String.valueOf(w.inspection)).param("organizationIds", String.valueOf(w.a1))
                .param("departments", w.audit).param("question", "越权").param("dueOn", today().plusDays(3).toString()))
                .andExpect(status().isNotFound());
        assertThat(requests(w.inspection)).isEqualTo(before);
    }

    // ---------------------------------------------------------------- the collaborator

    @Test
    void collaboratorSeesOnlyItsOwnDepartmentsRequests() throws Exception {
        long mine = w.request(w.inspection, w.a1, w.audit, today().plusDays(3));
        long petitions = w.request(w.inspection, w.a1, w.petitions, today().plusDays(3));
        long countyB = w.request(w.inspectionB, w.b1, w.audit, today().plusDays(3));

        String list = mvc.perform(get("/info-requests").with(w.as("audit-a"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("data-request-id=\"" + mine + "\"").doesNotContain("data-request-id=\"" + petitions + "\"")
                .doesNotContain("data-request-id=\"" + countyB + "\"").contains("待答复通报");
        String json = mvc.perform(get("/api/info-requests").param("size", "200").with(w.as("audit-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json).contains("\"id\":" + mine + ",").doesNotContain("\"id\":" + petitions + ",")
                .doesNotContain("\"id\":" + countyB + ",").doesNotContain(w.petitions);
        // a department of the same name in another county is another department
        mvc.perform(get("/api/info-requests/" + mine).with(w.as("audit-b"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/info-requests/" + countyB).with(w.as("audit-b"))).andExpect(status().isOk());

        // forged ids answer 404 on every path and change nothing
        for (long forged : List.of(petitions, countyB, 987_654_321L)) {
            mvc.perform(get("/info-requests/" + forged).with(w.as("audit-a"))).andExpect(status().isNotFound());
            mvc.perform(get("/api/info-requests/" + forged).with(w.as("audit-a"))).andExpect(status().isNotFound());
            mvc.perform(answer("/info-requests/" + forged + "/answer", "伪造答复").with(w.as("audit-a")).with(csrf()))
                    .andExpect(status().isNotFound());
            mvc.perform(answer("/api/info-requests/" + forged + "/answer", "伪造答复").with(w.as("audit-a")).with(csrf()))
                    .andExpect(status().isNotFound());
        }
        assertThat(row(petitions).get("status")).isEqualTo("SENT");
        assertThat(row(countyB).get("status")).isEqualTo("SENT");
        // the collaborator reads no dossier and sends nothing
        mvc.perform(get("/dossiers/" + w.inspection + "/" + w.a1).with(w.as("audit-a"))).andExpect(status().isForbidden());
        mvc.perform(post("/info-requests").with(w.as("audit-a")).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void collaboratorAnswersOnceWithAttachmentsAndTheAnswerIsFinal() throws Exception {
        long id = w.request(w.inspection, w.a2, w.audit, today().plusDays(3));
        mvc.perform(answer("/info-requests/" + id + "/answer", "该单位2023年审计发现3个问题，已整改2个。",
                        file("审计报告.pdf", InfoRequestFiles.pdf()), file("问题清单.docx", InfoRequestFiles.docx()))
                        .with(w.as("audit-a")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/info-requests/" + id));
        Map<String, Object> answered = row(id);
        assertThat(answered.get("status")).isEqualTo("ANSWERED");
        assertThat(answered.get("answer")).isEqualTo("该单位2023年审计发现3个问题，已整改2个。");
        assertThat(attachments(id)).isEqualTo(2);
        assertThat(audits("INFO_REQUEST_ANSWERED", id)).isEqualTo(1);

        // a second answer is refused, on the page and through the API, and nothing changes
        String page = mvc.perform(answer("/info-requests/" + id + "/answer", "改口", file("b.pdf", InfoRequestFiles.pdf()))
                        .with(w.as("audit-a")).with(csrf())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(InfoRequestDesk.ALREADY_ANSWERED);
        mvc.perform(answer("/api/info-requests/" + id + "/answer", "改口").with(w.as("audit-a")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(InfoRequestDesk.ALREADY_ANSWERED));
        assertThat(row(id)).isEqualTo(answered);
        assertThat(attachments(id)).isEqualTo(2);
        assertThat(audits("INFO_REQUEST_ANSWERED", id)).isEqualTo(1);
        // the detail shows the answer and offers no form
        String detail = mvc.perform(get("/info-requests/" + id).with(w.as("audit-a"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("审计报告.pdf").contains("问题清单.docx").doesNotContain("answer-form");
    }

    @Test
    void attachmentsOfTheWrongTypeOrSizeAreRefusedAndNothingIsSaved() throws Exception {
        long id = w.request(w.inspection, w.a1, w.audit, today().plusDays(3));
        Map<String, Object> before = row(id);
        List<MockMultipartFile[]> hostile = List.of(
                new MockMultipartFile[] {file("好的.pdf", InfoRequestFiles.pdf()), file("病毒.pdf", InfoRequestFiles.exe())},
                new MockMultipartFile[] {file("页面.png", InfoRequestFiles.html())},
                new MockMultipartFile[] {file("宏.docx", InfoRequestFiles.macroDocx())},
                new MockMultipartFile[] {file("大.pdf", InfoRequestFiles.large((int) InfoRequestUploads.MAX_BYTES + 1))},
                new MockMultipartFile[] {file("1.pdf", InfoRequestFiles.pdf()), file("2.pdf", InfoRequestFiles.pdf()),
                        file("3.pdf", InfoRequestFiles.pdf()), file("4.pdf", InfoRequestFiles.pdf()),
                        file("5.pdf", InfoRequestFiles.pdf()), file("6.pdf", InfoRequestFiles.pdf())});
        for (MockMultipartFile[] files : hostile) {
            String page = mvc.perform(answer("/info-requests/" + id + "/answer", "答复", files)
                    .with(w.as("audit-a")).with(csrf())).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).containsAnyOf("不是允许的文件类型", "10 MB", "最多 5 个");
            mvc.perform(answer("/api/info-requests/" + id + "/answer", "答复", files).with(w.as("audit-a")).with(csrf()))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").exists());
        }
        // and an answer without text
        mvc.perform(answer("/api/info-requests/" + id + "/answer", " ", file("a.pdf", InfoRequestFiles.pdf()))
                .with(w.as("audit-a")).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(InfoRequestDesk.NO_ANSWER));
        assertThat(row(id)).isEqualTo(before);
        assertThat(attachments(id)).isZero();
        assertThat(audits("INFO_REQUEST_ANSWERED", id)).isZero();
    }

    /**
     * The hostile corpus of platform's upload check through both answer paths: every file is refused with a Chinese
     * message naming it — the PDF with JavaScript and the PDF+zip polyglot too, which this path used to accept — and
     * nothing is saved; a phone photo is accepted and stored without its GPS metadata.
     */
    @Test
    void theHostileUploadCorpusIsRefusedOnBothAnswerPathsAndPhotosLoseTheirGps() throws Exception {
        long id = w.request(w.inspection, w.a1, w.audit, today().plusDays(3));
        Map<String, Object> before = row(id);
        for (HostileUploads.HostileFile h : HostileUploads.refusedEverywhere()) {
            MockMultipartFile f = new MockMultipartFile("files", h.name(), h.contentType(), h.bytes());
            String page = mvc.perform(answer("/info-requests/" + id + "/answer", "答复", f)
                    .with(w.as("audit-a")).with(csrf())).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page).as(h.what()).contains("附件“" + h.name() + "”");
            mvc.perform(answer("/api/info-requests/" + id + "/answer", "答复", f).with(w.as("audit-a")).with(csrf()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("附件“" + h.name() + "”")));
        }
        assertThat(row(id)).isEqualTo(before);
        assertThat(attachments(id)).isZero();

        mvc.perform(answer("/api/info-requests/" + id + "/answer", "现场照片见附件",
                        new MockMultipartFile("files", "IMG_0001.jpg", "image/jpeg", HostileUploads.jpegWithGps()))
                .with(w.as("audit-a")).with(csrf())).andExpect(status().is2xxSuccessful());
        byte[] stored = jdbc.sql("SELECT content FROM info_request_attachment WHERE request_id = :id")
                .param("id", id).query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("GPSLatitude").doesNotContain("XunchaMarker");
    }

    @Test
    void overdueRequestsAreFlaggedInEveryList() throws Exception {
        long overdue = w.request(w.otherInspection, w.a1, w.petitions, today().minusDays(1));
        long dueToday = w.request(w.otherInspection, w.a1, w.petitions, today());
        String office = mvc.perform(get("/info-requests").param("inspection", String.valueOf(w.otherInspection))
                .with(w.as("office-a"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(office).contains("xc-overdue-flag");
        mvc.perform(get("/api/info-requests/" + overdue).with(w.as("office-a")))
                .andExpect(jsonPath("$.request.overdue").value(true));
        mvc.perform(get("/api/info-requests/" + dueToday).with(w.as("office-a")))
                .andExpect(jsonPath("$.request.overdue").value(false));
        mvc.perform(get("/api/info-requests").param("overdue", "true")
                        .param("inspection", String.valueOf(w.otherInspection)).with(w.as("office-a")))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(overdue));
        mvc.perform(get("/api/info-requests").param("overdue", "true").param("department", w.petitions)
                .with(w.as("petitions-a"))).andExpect(jsonPath("$.items[?(@.id == " + overdue + ")]").exists());
        String collaborator = mvc.perform(get("/info-requests").with(w.as("petitions-a")))
                .andReturn().getResponse().getContentAsString();
        assertThat(collaborator).contains("xc-overdue-flag");
        String dossiers = mvc.perform(get("/dossiers").param("inspection", String.valueOf(w.otherInspection))
                .with(w.as("member-other"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(dossiers).contains("逾期 1");
        // the office's list filters and paginates on the server
        mvc.perform(get("/api/info-requests").param("inspection", String.valueOf(w.otherInspection)).param("size", "1")
                        .with(w.as("office-a")))
                .andExpect(jsonPath("$.total").value(2)).andExpect(jsonPath("$.items.length()").value(1));
        mvc.perform(get("/api/info-requests").param("status", "ANSWERED")
                        .param("inspection", String.valueOf(w.otherInspection)).with(w.as("office-a")))
                .andExpect(jsonPath("$.total").value(0));
    }

    // ---------------------------------------------------------------- the dossier

    @Test
    void theTeamSeesTheDossierAndDownloadsAttachmentsButAnotherTeamDoesNot() throws Exception {
        long answered = w.request(w.inspection, w.a1, w.petitions, today().plusDays(2));
        long open = w.request(w.inspection, w.a1, w.audit, today().minusDays(2));
        mvc.perform(answer("/info-requests/" + answered + "/answer", "近三年收到涉及该单位信访件5件。",
                file("信访台账.xlsx", InfoRequestFiles.xlsx())).with(w.as("petitions-a")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long attachment = jdbc.sql("SELECT id FROM info_request_attachment WHERE request_id = :r").param("r", answered)
                .query(Long.class).single();

        String dossier = mvc.perform(get("/dossiers/" + w.inspection + "/" + w.a1).with(w.as("member-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(dossier).contains("甲区财政局党组").contains(w.petitions).contains("近三年收到涉及该单位信访件5件。")
                .contains("信访台账.xlsx").contains("xc-overdue-flag");
        mvc.perform(get("/api/dossiers/" + w.inspection + "/" + w.a1).with(w.as("member-a"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.departments[?(@.department == '" + w.petitions + "')]").exists())
                .andExpect(jsonPath("$.outstanding[?(@.id == " + open + ")].overdue").value(true));
        mvc.perform(get("/dossiers/" + w.inspection + "/" + w.a1).with(w.as("office-a"))).andExpect(status().isOk());
        long exports = jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'EXPORT' AND object_type = 'InfoRequestAttachment' AND object_id = :id")
                .param("id", String.valueOf(attachment)).query(Long.class).single();
        mvc.perform(get("/info-requests/" + answered + "/attachments/" + attachment).with(w.as("member-a")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment;")))
                .andExpect(header().string("Content-Disposition",
                        containsString("filename*=UTF-8''%E4%BF%A1%E8%AE%BF%E5%8F%B0%E8%B4%A6.xlsx")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'EXPORT' AND object_type = 'InfoRequestAttachment' AND object_id = :id")
                .param("id", String.valueOf(attachment)).query(Long.class).single()).isEqualTo(exports + 1);

        // a member of another inspection, a target outside the inspection, another county: 404
        mvc.perform(get("/dossiers/" + w.inspection + "/" + w.a1).with(w.as("member-other"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/dossiers/" + w.inspection + "/" + w.a1).with(w.as("member-other"))).andExpect(status().isNotFound());
        mvc.perform(get("/info-requests/" + answered + "/attachments/" + attachment).with(w.as("member-other")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/info-requests/" + answered).with(w.as("member-other"))).andExpect(status().isNotFound());
        mvc.perform(get("/dossiers/" + w.inspection + "/" + w.b1).with(w.as("office-a"))).andExpect(status().isNotFound());
        mvc.perform(get("/info-requests/" + answered + "/attachments/" + attachment).with(w.as("office-b")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/info-requests/" + answered + "/attachments/" + attachment).with(w.as("audit-a")))
                .andExpect(status().isNotFound());
        // the team reads its own inspection's requests but does not send or answer them
        mvc.perform(get("/api/info-requests/" + answered).with(w.as("member-a"))).andExpect(status().isOk());
        mvc.perform(post("/info-requests").with(w.as("member-a")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(answer("/info-requests/" + open + "/answer", "组员代答").with(w.as("member-a")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(row(open).get("status")).isEqualTo("SENT");
    }

    @Test
    void targetLeaderAndDisciplineAreRefused() throws Exception {
        long id = w.request(w.inspection, w.a1, w.audit, today().plusDays(3));
        for (String who : List.of("target-a", "leader-a", "discipline-a")) {
            mvc.perform(get("/info-requests").with(w.as(who))).andExpect(status().isForbidden());
            mvc.perform(get("/info-requests/" + id).with(w.as(who))).andExpect(status().isForbidden());
            mvc.perform(get("/api/info-requests").with(w.as(who))).andExpect(status().isForbidden());
            mvc.perform(get("/dossiers/" + w.inspection + "/" + w.a1).with(w.as(who))).andExpect(status().isForbidden());
            mvc.perform(get("/api/dossiers/" + w.inspection + "/" + w.a1).with(w.as(who))).andExpect(status().isForbidden());
            mvc.perform(post("/api/info-requests").with(w.as(who)).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(answer("/info-requests/" + id + "/answer", "x").with(w.as(who)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(answer("/info-requests/" + id + "/answer", "办公室代答").with(w.as("office-a")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(row(id).get("status")).isEqualTo("SENT");
    }

    // ---------------------------------------------------------------- API and pages

    @Test
    void theApiSendsListsAndAnswers() throws Exception {
        String body = "{\"inspectionId\":" + w.otherInspection + ",\"organizationIds\":[" + w.a1 + "],\"departments\":[\""
                + w.audit + "\"],\"question\":\"请提供该单位近三年审计情况（API）\",\"dueOn\":\"" + today().plusDays(7) + "\"}";
        String created = mvc.perform(post("/api/info-requests").with(w.as("office-a")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.ids.length()").value(1))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("\\D+", " ").strip());
        mvc.perform(post("/api/info-requests").with(w.as("office-a")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace(today().plusDays(7).toString(), today().minusDays(7).toString())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(InfoRequestDesk.DUE_IN_PAST));
        mvc.perform(get("/api/info-requests/" + id).with(w.as("audit-a"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.request.status").value("SENT"))
                .andExpect(jsonPath("$.request.question").value("请提供该单位近三年审计情况（API）"));
        mvc.perform(answer("/api/info-requests/" + id + "/answer", "API 答复", file("scan.png", InfoRequestFiles.png()))
                        .with(w.as("audit-a")).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.request.status").value("ANSWERED"))
                .andExpect(jsonPath("$.attachments[0].fileName").value("scan.png"))
                .andExpect(jsonPath("$.attachments[0].contentType").value("image/png"));
        long attachment = jdbc.sql("SELECT id FROM info_request_attachment WHERE request_id = :r").param("r", id)
                .query(Long.class).single();
        mvc.perform(get("/api/info-requests/" + id + "/attachments/" + attachment).with(w.as("office-a")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        mvc.perform(get("/api/info-requests").param("status", "ANSWERED").param("department", w.audit)
                        .param("inspection", String.valueOf(w.otherInspection)).with(w.as("office-a")))
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")]").exists());
        // documented in OpenAPI
        String docs = mvc.perform(get("/v3/api-docs").with(w.as("office-a"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(docs).contains("/api/info-requests").contains("/api/info-requests/{id}/answer")
                .contains("/api/dossiers/{inspectionId}/{organizationId}");
    }

    @Test
    void pagesRenderForEachRole() throws Exception {
        long id = w.request(w.inspection, w.a2, w.petitions, today().plusDays(3));
        assertThat(page("/info-requests", "office-a")).contains("巡前通报").contains("发送巡前通报");
        assertThat(page("/info-requests/new", "office-a")).contains("甲区第一巡察组").doesNotContain("甲区第三巡察组")
                .doesNotContain("乙区第一巡察组");
        assertThat(page("/info-requests/new?inspection=" + w.inspection, "office-a")).contains("send-form");
        assertThat(page("/info-requests/" + id, "petitions-a")).contains("answer-form").contains("请提供近三年信访举报情况");
        assertThat(page("/info-requests/" + id, "office-a")).doesNotContain("answer-form");
        assertThat(page("/dossiers", "member-a")).contains("甲区财政局党组").doesNotContain("甲区第二巡察组");
        assertThat(page("/dossiers/" + w.inspection + "/" + w.a2, "member-a")).contains("巡前通报汇总");
        String fragment = mvc.perform(get("/info-requests").header("HX-Request", "true").with(w.as("office-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("request-results").doesNotContain("<html");
        assertThat(page("/", "office-a")).contains("巡前通报");
        assertThat(page("/", "audit-a")).contains("待答复通报");
    }

    @Test
    void theInspectionFilterNamesBodyRoundAndTeamGroupedByBody() throws Exception {
        String label = "通报甲区委 · " + today().plusDays(30).getYear() + "年第一轮 · 甲区第一巡察组（准备）";
        for (String path : List.of("/info-requests", "/dossiers", "/info-requests/new")) {
            assertThat(page(path, "office-a")).as(path).contains("<optgroup label=\"通报甲区委\">")
                    .contains(">" + label + "</option>").doesNotContain("\">甲区第一巡察组（准备）</option>");
        }
        // the city office reads both counties: two groups, each option naming its own body
        assertThat(page("/dossiers", "office-city")).contains("<optgroup label=\"通报甲区委\">")
                .contains("<optgroup label=\"通报乙区委\">").contains(">通报乙区委 · ");
        assertThat(InfoRequestRepository.InspectionRef.byBody(List.of()).isEmpty()).isTrue();
    }

    String page(String path, String who) throws Exception {
        return mvc.perform(get(path).with(w.as(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
