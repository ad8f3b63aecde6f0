package org.xuncha.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.common.DataScope;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.NotFoundInScope;

/**
 * Data scope in SQL for every repository read of petition data, not only {@code find}: the sealed identity, the
 * attachments (list, staff copy, sealed original) and the status history of a petition come back empty for a scope
 * that may not read it — another team, the office of another county, the TARGET of the reported organization, a
 * DISCIPLINE account it was not transferred to — even when nothing called {@code find} first; the service and the
 * pages answer 404.
 */
@SpringBootTest(properties = "xuncha.test.context=intake")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeScopeTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired Petitions petitions;
    @Autowired PetitionRepository repository;

    IntakeWorld w;
    long id;
    long attachment;

    @BeforeAll
    void world() {
        w = new IntakeWorld(jdbc, encoder, clock, "iscope", "5306");
        byte[] png = PetitionFiles.png();
        petitions.submitReport(w.code, new ReportDraft(w.a1, "INTEGRITY", "局长在工程招标中收受好处，知情人很多。",
                false, "范围甲", "13600003333"), List.of(new PetitionFile("现场.png", "image/png", png, png)));
        id = jdbc.sql("SELECT max(id) FROM petition").query(Long.class).single();
        attachment = jdbc.sql("SELECT id FROM petition_attachment WHERE petition_id = :p").param("p", id)
                .query(Long.class).single();
    }

    DataScope scope(String who) {
        return scopes.of(w.principal(who));
    }

    @Test
    void theHandlingTeamReadsEverything() {
        DataScope team = scope("team-member");
        assertThat(repository.sealedIdentity(id, team)).isPresent();
        assertThat(repository.attachments(id, team)).hasSize(1);
        assertThat(repository.attachmentContent(id, attachment, team)).isPresent();
        assertThat(repository.sealedOriginal(id, attachment, team)).isPresent();
        assertThat(repository.history(id, team)).hasSize(1);
        assertThat(repository.attachments(id, scope("office-a"))).hasSize(1);
    }

    @Test
    void aForeignScopeGetsNothingFromTheRepositoryEvenWithoutFind() {
        for (String who : List.of("other-member", "office-b", "b-leader", "target-a1", "discipline-a")) {
            DataScope foreign = scope(who);
            assertThat(repository.sealedIdentity(id, foreign)).as(who).isEmpty();
            assertThat(repository.attachments(id, foreign)).as(who).isEmpty();
            assertThat(repository.attachmentContent(id, attachment, foreign)).as(who).isEmpty();
            assertThat(repository.sealedOriginal(id, attachment, foreign)).as(who).isEmpty();
            assertThat(repository.history(id, foreign)).as(who).isEmpty();
        }
    }

    @Test
    void aForeignScopeGets404FromTheServiceAndThePages() throws Exception {
        DataScope other = scope("other-member");
        assertThatThrownBy(() -> petitions.download(other, id, attachment)).isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> petitions.unsealIdentity(other, id, "约谈举报人核实情况"))
                .isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> petitions.unsealOriginal(other, id, attachment, "核实照片拍摄地点"))
                .isInstanceOf(NotFoundInScope.class);
        assertThat(mvc.perform(get("/petitions/" + id + "/attachments/" + attachment).with(w.as("other-member")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/petitions/" + id).with(w.as("office-b"))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }
}
