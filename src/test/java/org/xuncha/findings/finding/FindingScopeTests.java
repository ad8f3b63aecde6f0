package org.xuncha.findings.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.findings.DisciplineTag;
import org.xuncha.findings.FindingFigures;
import org.xuncha.findings.FindingSeverity;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.NotFoundInScope;

/**
 * Who reads a finding: the inspection's team, the office and the leading group of its body (and the office above)
 * — read only; another team, another county's office, the TARGET, COLLABORATOR, DISCIPLINE and ORG_DEPT read
 * nothing, in the repository's SQL (no row, no count, no file) and on the pages (404 or 403, never the title). Also
 * the pages' flow: 形成问题 from the paper's page, the list with counts, 立行立改 with a file, and bad input.
 */
@SpringBootTest(properties = "xuncha.test.context=findings")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindingScopeTests {

    static final List<String> OUTSIDERS = List.of("r-leader", "b-leader", "office-b", "target-a1",
            "collaborator-a", "discipline-a", "orgdept-a");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired Findings findings;
    @Autowired FindingRepository repository;
    @Autowired FindingFigures figures;

    FindingWorld w;
    long id;
    long file;
    long fi1;

    @BeforeAll
    void world() {
        w = new FindingWorld(jdbc, encoder, clock, scopes, "fsc", "5832");
        fi1 = w.builtIn("FOUR_IMPLEMENTATIONS", 1, 1);
        long paper = w.paper(w.inspection, "APPROVED", "机密问题甲乙丙", 100, 0);
        id = findings.create(w.scope("team-leader"), paper, new FindingDraft(null, null, w.a1, null, fi1,
                DisciplineTag.INTEGRITY, List.of(), FindingSeverity.SERIOUS, true));
        findings.rectify(w.scope("team-leader"), id, findings.get(w.scope("team-leader"), id).rowVersion(),
                new RectificationDraft(w.today(), "已整改", List.of(new RectificationDraft.Upload("凭证.pdf",
                        FindingWorld.pdf()))));
        file = findings.get(w.scope("team-leader"), id).files().get(0).id();
    }

    DataScope s(String who) {
        return w.scope(who);
    }

    @Test
    void theTeamTheOfficeAndTheLeadingGroupRead() {
        for (String who : List.of("member", "deputy", "team-leader", "office-a", "office-city", "leader-a")) {
            DataScope scope = s(who);
            assertThat(repository.find(id, scope)).as(who).isPresent();
            assertThat(repository.list(w.inspection, FindingFilter.none(), scope, 0, 50).total()).as(who).isEqualTo(1);
            assertThat(repository.file(id, file, scope)).as(who).isPresent();
            assertThat(figures.countsOf(scope, InspectionId.of(w.inspection)).total()).as(who).isEqualTo(1);
        }
    }

    @Test
    void everybodyElseReadsNothing() {
        for (String who : OUTSIDERS) {
            DataScope scope = s(who);
            assertThat(repository.find(id, scope)).as(who).isEmpty();
            assertThat(repository.list(w.inspection, FindingFilter.none(), scope, 0, 50).total()).as(who).isZero();
            assertThat(repository.file(id, file, scope)).as(who).isEmpty();
            assertThat(repository.readableInspections(scope)).as(who).noneMatch(i -> i.id() == w.inspection);
            assertThatThrownBy(() -> findings.get(scope, id)).as(who).isInstanceOf(NotFoundInScope.class);
            assertThatThrownBy(() -> findings.list(scope, w.inspection, null, 0, 50)).as(who)
                    .isInstanceOf(NotFoundInScope.class);
            assertThatThrownBy(() -> figures.countsOf(scope, InspectionId.of(w.inspection))).as(who)
                    .isInstanceOf(NotFoundInScope.class);
        }
    }

    @Test
    void theOfficeTheLeadingGroupAndPlainMembersOnlyRead() {
        int v = findings.get(s("team-leader"), id).rowVersion();
        for (String who : List.of("office-a", "leader-a", "member")) {
            assertThatThrownBy(() -> findings.withdraw(s(who), id, v, "理由")).as(who)
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(findings.get(s("team-leader"), id).status()).isEqualTo(FindingStatus.RECORDED);
    }

    @Test
    void pagesAnswerNotFoundOrForbiddenAndNeverShowTheTitle() throws Exception {
        for (String who : List.of("r-leader", "b-leader", "office-b")) {
            String body = mvc.perform(get("/findings/" + id).with(w.as(who)))
                    .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
            assertThat(body).as(who).doesNotContain("机密问题甲乙丙");
            mvc.perform(get("/findings/" + id + "/files/" + file).with(w.as(who))).andExpect(status().isNotFound());
            mvc.perform(get("/api/findings/" + id).with(w.as(who))).andExpect(status().isNotFound());
            mvc.perform(get("/api/findings/counts").param("inspection", Long.toString(w.inspection))
                    .with(w.as(who))).andExpect(status().isNotFound());
            String list = mvc.perform(get("/findings").param("inspection", Long.toString(w.inspection))
                    .with(w.as(who))).andReturn().getResponse().getContentAsString();
            assertThat(list).as(who).doesNotContain("机密问题甲乙丙");
        }
        for (String who : List.of("target-a1", "collaborator-a", "discipline-a", "orgdept-a")) {
            String body = mvc.perform(get("/findings/" + id).with(w.as(who)))
                    .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
            assertThat(body).as(who).doesNotContain("机密问题甲乙丙");
            mvc.perform(get("/api/findings/counts").param("inspection", Long.toString(w.inspection))
                    .with(w.as(who))).andExpect(status().isForbidden());
        }
        assertThat(mvc.perform(get("/findings/" + id).with(w.as("office-a"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("机密问题甲乙丙", "已整改")
                .doesNotContain("id=\"withdraw-button\"");
    }

    @Test
    void theLeaderFormsAFindingThroughThePagesAndRecordsRectification() throws Exception {
        long paper = w.paper(w.inspection, "APPROVED", "页面形成的问题", 0, 0);
        assertThat(mvc.perform(get("/working-papers/" + paper).with(w.as("team-leader"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("id=\"finding-link\"");
        assertThat(mvc.perform(get("/findings/new").param("paper", Long.toString(paper)).with(w.as("team-leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("页面形成的问题", "一级 落实党的路线方针政策和上级决策部署", "甲县河口村党支部");
        long before = jdbc.sql("SELECT count(*) FROM finding").query(Long.class).single();
        String refused = mvc.perform(post("/findings").param("paper", Long.toString(paper))
                        .param("organizationId", Long.toString(w.a1)).param("severity", "ORDINARY")
                        .with(w.as("team-leader")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("请选择问题标题（四个落实）");
        assertThat(jdbc.sql("SELECT count(*) FROM finding").query(Long.class).single()).isEqualTo(before);
        String location = mvc.perform(post("/findings").param("paper", Long.toString(paper))
                        .param("organizationId", Long.toString(w.a1)).param("headingId", Long.toString(fi1))
                        .param("severity", "GRAVE").param("keyProblem", "true").with(w.as("team-leader")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long created = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        FindingView f = findings.get(s("team-leader"), created);
        assertThat(f.severity()).isEqualTo(FindingSeverity.GRAVE);
        mvc.perform(multipart("/findings/" + created + "/rectify")
                        .file(new MockMultipartFile("files", "bad.pdf", "application/pdf", FindingWorld.pdfWithJavaScript()))
                        .param("version", Integer.toString(f.rowVersion())).param("rectifiedOn", w.today().toString())
                        .param("note", "已整改").with(w.as("team-leader")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("error", org.hamcrest.Matchers.startsWith("佐证材料：")));
        assertThat(findings.get(s("team-leader"), created).rectified()).isFalse();
        mvc.perform(multipart("/findings/" + created + "/rectify")
                        .file(new MockMultipartFile("files", "ok.pdf", "application/pdf", FindingWorld.pdf()))
                        .param("version", Integer.toString(f.rowVersion())).param("rectifiedOn", w.today().toString())
                        .param("note", "已整改完毕").with(w.as("team-leader")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(findings.get(s("team-leader"), created).rectified()).isTrue();
        String list = mvc.perform(get("/findings").param("inspection", Long.toString(w.inspection))
                .param("rectified", "true").with(w.as("leader-a"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("页面形成的问题", "id=\"count-rectified\">2<");
        assertThat(mvc.perform(get("/findings/" + created + "/edit").with(w.as("team-leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("修改问题", "name=\"version\"");
        assertThat(mvc.perform(get("/findings/" + created).with(w.as("team-leader"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("id=\"withdraw-button\"", "ok.pdf");
        assertThat(mvc.perform(get("/findings").param("inspection", Long.toString(w.inspection))
                .header("HX-Request", "true").with(w.as("member"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("id=\"finding-results\"")
                .doesNotContain("<html");
        mvc.perform(get("/findings").param("key", "maybe").with(w.as("office-a"))).andExpect(status().isBadRequest());
        assertThat(mvc.perform(get("/findings/new").param("paper", Long.toString(paper)).with(w.as("team-leader")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/findings/" + created);
    }
}
