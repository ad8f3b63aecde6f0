package org.xuncha.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.common.Role;
import org.xuncha.identity.PrincipalFactory;
import org.xuncha.identity.XunchaPrincipal;

/**
 * Issue 11: what the audit trail says about reading a petition. Opening a petition (its page or its API) is recorded
 * as PETITION_VIEWED, by whom and when; a petition outside the reader's scope is neither shown nor recorded.
 * Unsealing a reporter's identity or an original attachment is recorded as having happened, by whom, of what and
 * when, while the written reason is kept in intake's petition_unsealing, shown on the petition page to those who
 * may unseal it and to nobody else: the auditor's audit page shows the unsealing without the reason.
 */
@SpringBootTest(properties = "xuncha.test.context=intake")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeAuditTrailTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;

    IntakeWorld w;
    long named;
    RequestPostProcessor auditor;

    @BeforeAll
    void world() throws Exception {
        w = new IntakeWorld(jdbc, encoder, clock, "iaud", "5313");
        var createdResponse = mvc.perform(post("/api/public/reports").contentType(MediaType.APPLICATION_JSON)
                .content("{\"channelCode\":\"" + w.code + "\",\"category\":\"WORK\",\"content\":\"审批窗口长期推诿，办事群众多次被要求重复提交材料。\","
                        + "\"anonymous\":false,\"name\":\"审计测试人\",\"phone\":\"13912345678\"}")
                .with(r -> {
                    r.setRemoteAddr("192.0.2.131");
                    return r;
                })).andReturn().getResponse();
        assertThat(createdResponse.getStatus()).as(createdResponse.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(201);
        named = jdbc.sql("SELECT max(id) FROM petition WHERE inspection_id = :i AND anonymous = FALSE")
                .param("i", w.inspection).query(Long.class).single();
        // The platform's own auditor: no body, reads the whole trail.
        XunchaPrincipal p = PrincipalFactory.create(9_313_001L, "iaud-auditor", "审计员", "x", Set.of(Role.AUDITOR),
                null, null, null, true, false);
        auditor = authentication(new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }

    List<String> actors(String action, Object objectId) {
        return jdbc.sql("SELECT actor FROM audit_record WHERE action = :a AND object_id = :o ORDER BY seq")
                .param("a", action).param("o", String.valueOf(objectId)).query(String.class).list();
    }

    String html(MockHttpServletResponse r) throws Exception {
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void openingAPetitionIsAuditedAndOneOutOfScopeIsNot() throws Exception {
        int before = actors("PETITION_VIEWED", named).size();

        assertThat(mvc.perform(get("/petitions/" + named).with(w.as("office-a"))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(actors("PETITION_VIEWED", named)).hasSize(before + 1).last().isEqualTo("iaudoffice-a");

        assertThat(mvc.perform(get("/api/petitions/" + named).with(w.as("team-member"))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(actors("PETITION_VIEWED", named)).hasSize(before + 2).last().isEqualTo("iaudteam-member");

        // Another county's office, another team: not found, and nothing recorded as viewed.
        assertThat(mvc.perform(get("/petitions/" + named).with(w.as("office-b"))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/api/petitions/" + named).with(w.as("other-member"))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(actors("PETITION_VIEWED", named)).hasSize(before + 2);

        String trail = html(mvc.perform(get("/audit").param("action", "PETITION_VIEWED").with(auditor)).andReturn()
                .getResponse());
        assertThat(trail).contains("PETITION_VIEWED").contains("iaudoffice-a").contains("iaudteam-member");
    }

    @Test
    void theUnsealReasonIsKeptFromTheAuditorAndShownToThoseWhoMayUnseal() throws Exception {
        String reason = "需核实举报人所述窗口编号" + System.nanoTime();
        int viewed = actors("PETITION_VIEWED", named).size();
        String page = html(mvc.perform(post("/petitions/" + named + "/unseal").param("reason", reason).with(csrf())
                .with(w.as("team-leader"))).andReturn().getResponse());
        assertThat(page).contains("审计测试人").contains("13912345678");
        assertThat(actors("PETITION_IDENTITY_UNSEALED", named)).last().isEqualTo("iaudteam-leader");
        assertThat(actors("PETITION_VIEWED", named)).as("the unsealing is its own record, not a viewing").hasSize(viewed);

        // Kept in intake's own table, named by the audit record; nowhere in the trail.
        var stored = jdbc.sql("SELECT id, reason, actor FROM petition_unsealing WHERE petition_id = :p AND kind = 'IDENTITY'"
                + " ORDER BY id DESC").param("p", named)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}).list().get(0);
        assertThat(stored[1]).isEqualTo(reason);
        assertThat(stored[2]).isEqualTo("iaudteam-leader");
        assertThat(jdbc.sql("SELECT detail FROM audit_record WHERE action = 'PETITION_IDENTITY_UNSEALED' AND object_id = :o"
                + " ORDER BY seq DESC").param("o", String.valueOf(named)).query(String.class).list().get(0))
                .isEqualTo("unsealing=" + stored[0]);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE detail LIKE :r").param("r", "%" + reason + "%")
                .query(Long.class).single()).isZero();

        // The auditor sees that it happened, by whom, of which petition, not why.
        String trail = html(mvc.perform(get("/audit").param("action", "PETITION_IDENTITY_UNSEALED").with(auditor))
                .andReturn().getResponse());
        assertThat(trail).contains("PETITION_IDENTITY_UNSEALED").contains("iaudteam-leader")
                .contains("查看记录：" + stored[0]).doesNotContain(reason);

        // The team reads the reason on the petition page; the office, which reads petitions but may not unseal, not.
        assertThat(html(mvc.perform(get("/petitions/" + named).with(w.as("team-member"))).andReturn().getResponse()))
                .contains("id=\"unsealings\"").contains(reason);
        assertThat(html(mvc.perform(get("/petitions/" + named).with(w.as("office-a"))).andReturn().getResponse()))
                .doesNotContain(reason).doesNotContain("id=\"unsealings\"");
    }

    @Test
    void openingAnOriginalKeepsItsReasonOutOfTheTrailToo() throws Exception {
        int status = mvc.perform(multipart("/r/" + w.code)
                .file(new MockMultipartFile("files", "照片.jpg", "image/jpeg", PetitionFiles.photoWithMetadata("IAUD")))
                .param("category", "LIVELIHOOD").param("content", "附件是现场照片，拍到了违规占道经营的情况。").param("anonymous", "true")
                .with(csrf()).with(r -> {
                    r.setRemoteAddr("192.0.2.132");
                    return r;
                })).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(200);
        long attachment = jdbc.sql("SELECT max(a.id) FROM petition_attachment a JOIN petition p ON p.id = a.petition_id"
                + " WHERE p.inspection_id = :i").param("i", w.inspection).query(Long.class).single();
        long petition = jdbc.sql("SELECT petition_id FROM petition_attachment WHERE id = :a").param("a", attachment)
                .query(Long.class).single();
        String reason = "核对照片拍摄地点" + System.nanoTime();
        assertThat(mvc.perform(post("/petitions/" + petition + "/originals").param("attachment", "" + attachment)
                .param("reason", reason).with(csrf()).with(w.as("team-member"))).andReturn().getResponse().getStatus())
                .isEqualTo(200);

        assertThat(jdbc.sql("SELECT reason FROM petition_unsealing WHERE attachment_id = :a AND kind = 'ORIGINAL'")
                .param("a", attachment).query(String.class).single()).isEqualTo(reason);
        assertThat(jdbc.sql("SELECT detail FROM audit_record WHERE action = 'PETITION_ORIGINAL_UNSEALED' AND object_id = :a")
                .param("a", "" + attachment).query(String.class).single()).startsWith("petition=" + petition + "; unsealing=")
                .doesNotContain(reason);
        assertThat(html(mvc.perform(get("/audit").param("action", "PETITION_ORIGINAL_UNSEALED").with(auditor))
                .andReturn().getResponse())).contains("PETITION_ORIGINAL_UNSEALED").doesNotContain(reason);
        assertThat(html(mvc.perform(get("/petitions/" + petition).with(w.as("team-leader"))).andReturn().getResponse()))
                .contains("查看附件原件").contains(reason);
    }
}
