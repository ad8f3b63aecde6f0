package org.xuncha.findings.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.common.DataScope;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.NotFoundInScope;

/**
 * Who reads a working paper: the inspection's team, the office and the leading group of its body (and the office
 * above it) — read only; another team, another county's office, the TARGET, COLLABORATOR, DISCIPLINE and ORG_DEPT
 * read nothing, in the repository's SQL (no row, no count, no file, no version, no step) and on the pages (404 or
 * 403, never the title).
 */
@SpringBootTest(properties = "xuncha.test.context=findings")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkingPaperScopeTests {

    static final List<String> OUTSIDERS = List.of("nd-member", "nd-leader", "b-leader", "office-b", "target-a1",
            "collaborator-a", "discipline-a", "orgdept-a");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired WorkingPapers papers;
    @Autowired WorkingPaperRepository repository;
    @Autowired Regulations regulations;

    PaperWorld w;
    long id;
    long file;

    @BeforeAll
    void world() {
        w = new PaperWorld(jdbc, encoder, clock, scopes, "wps", "5813");
        long regulation = regulations.list(w.scope("writer"), true).get(0).id();
        id = papers.create(w.scope("writer"), w.inspection, PaperSamples.draft("机密标题甲乙丙", regulation)).value();
        file = papers.get(w.scope("writer"), id).evidence().get(0).files().get(0).id();
    }

    DataScope s(String who) {
        return w.scope(who);
    }

    @Test
    void theTeamTheOfficeAndTheLeadingGroupRead() {
        for (String who : List.of("writer", "deputy", "team-leader", "office-a", "office-city", "leader-a")) {
            DataScope scope = s(who);
            assertThat(repository.find(id, scope)).as(who).isPresent();
            assertThat(repository.list(w.inspection, WorkingPaperFilter.none(), scope, 0, 50).total()).as(who)
                    .isEqualTo(1);
            assertThat(repository.versions(id, scope)).as(who).hasSize(1);
            assertThat(repository.steps(id, scope)).as(who).hasSize(1);
            assertThat(repository.file(id, file, scope)).as(who).isPresent();
        }
    }

    @Test
    void everybodyElseReadsNothingEvenWithoutFind() {
        for (String who : OUTSIDERS) {
            DataScope scope = s(who);
            assertThat(repository.find(id, scope)).as(who).isEmpty();
            assertThat(repository.list(w.inspection, WorkingPaperFilter.none(), scope, 0, 50).total()).as(who)
                    .isZero();
            assertThat(repository.versions(id, scope)).as(who).isEmpty();
            assertThat(repository.steps(id, scope)).as(who).isEmpty();
            assertThat(repository.file(id, file, scope)).as(who).isEmpty();
            assertThat(repository.readableInspections(scope)).as(who)
                    .noneMatch(i -> i.id() == w.inspection);
            assertThatThrownBy(() -> papers.get(scope, id)).as(who).isInstanceOf(NotFoundInScope.class);
            assertThatThrownBy(() -> papers.list(scope, w.inspection, null, 0, 50)).as(who)
                    .isInstanceOf(NotFoundInScope.class);
        }
    }

    @Test
    void theOfficeAndTheLeadingGroupOnlyRead() {
        for (String who : List.of("office-a", "leader-a")) {
            int v = papers.get(s("writer"), id).rowVersion();
            assertThatThrownBy(() -> papers.submit(s(who), id, v)).as(who).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> papers.create(s(who), w.inspection, PaperSamples.draft("办", null))).as(who)
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(papers.get(s("writer"), id).status()).isEqualTo(WorkingPaperStatus.DRAFT);
    }

    @Test
    void pagesAnswerNotFoundOrForbiddenAndNeverShowTheTitle() throws Exception {
        for (String who : List.of("nd-member", "b-leader", "office-b")) {
            String body = mvc.perform(get("/working-papers/" + id).with(w.as(who)))
                    .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
            assertThat(body).as(who).doesNotContain("机密标题甲乙丙");
            mvc.perform(get("/working-papers/" + id + "/slip").with(w.as(who))).andExpect(status().isNotFound());
            mvc.perform(get("/working-papers/" + id + "/files/" + file).with(w.as(who)))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/working-papers/" + id).with(w.as(who))).andExpect(status().isNotFound());
            String list = mvc.perform(get("/working-papers").param("inspection", Long.toString(w.inspection))
                    .with(w.as(who))).andReturn().getResponse().getContentAsString();
            assertThat(list).as(who).doesNotContain("机密标题甲乙丙");
        }
        for (String who : List.of("target-a1", "collaborator-a", "discipline-a", "orgdept-a")) {
            String body = mvc.perform(get("/working-papers/" + id).with(w.as(who)))
                    .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
            assertThat(body).as(who).doesNotContain("机密标题甲乙丙");
            mvc.perform(get("/api/working-papers").param("inspection", Long.toString(w.inspection))
                    .with(w.as(who))).andExpect(status().isForbidden());
        }
        assertThat(mvc.perform(get("/working-papers/" + id).with(w.as("office-a"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("机密标题甲乙丙")
                .doesNotContain("id=\"submit-button\"");
    }
}
