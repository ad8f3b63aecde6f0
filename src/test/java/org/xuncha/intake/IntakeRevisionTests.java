package org.xuncha.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.identity.DataScopes;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The team's reply and the discipline office's outcome keep every version (petition_text_revision): each write
 * appends a numbered revision with its author in the same transaction, the petition page shows the earlier
 * versions under the current one (修改记录), the audit names the revision number but never the text, and a scope
 * that may not read the petition gets no revisions.
 */
@SpringBootTest(properties = "xuncha.test.context=intake")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeRevisionTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired Petitions petitions;
    @Autowired PetitionRepository repository;
    @Autowired DataSource dataSource;
    @Autowired TransferablePetitions transfers;
    @Autowired TransferredPetitionOutcomes outcomes;
    @Autowired org.springframework.transaction.support.TransactionTemplate tx;

    IntakeWorld w;

    @BeforeAll
    void world() {
        w = new IntakeWorld(jdbc, encoder, clock, "irev", "5307");
    }

    long report(String content) {
        petitions.submitReport(w.code, new ReportDraft(w.a1, "MASSES", content, true, null, null), List.of());
        return jdbc.sql("SELECT max(id) FROM petition").query(Long.class).single();
    }

    int version(long id) {
        return jdbc.sql("SELECT version FROM petition WHERE id = :id").param("id", id).query(Integer.class).single();
    }

    MockHttpServletResponse postAs(String who, String path, Map<String, String> params) throws Exception {
        var request = post(path).with(csrf()).with(w.as(who));
        params.forEach(request::param);
        return mvc.perform(request).andReturn().getResponse();
    }

    String page(String who, long id) throws Exception {
        return mvc.perform(get("/petitions/" + id).with(w.as(who))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    long accountId(String who) {
        return jdbc.sql("SELECT id FROM user_account WHERE username = :u").param("u", w.prefix + who)
                .query(Long.class).single();
    }

    List<Map<String, Object>> revisions(long id, String kind) {
        return jdbc.sql("""
                SELECT revision_no, revision_text, actor_id FROM petition_text_revision
                WHERE petition_id = :p AND kind = :k ORDER BY revision_no
                """).param("p", id).param("k", kind).query().listOfRows();
    }

    List<String> auditDetails(long id, String action) {
        return jdbc.sql("""
                SELECT detail FROM audit_record WHERE action = :a AND object_type = 'Petition' AND object_id = :id
                ORDER BY seq
                """).param("a", action).param("id", String.valueOf(id)).query(String.class).list();
    }

    @Test
    void replyingTwiceKeepsBothVersionsAndThePageShowsBoth() throws Exception {
        long id = report("社区工作人员在低保评定中优亲厚友，请核实。");
        postAs("team-member", "/petitions/" + id + "/triage", Map.of("version", "" + version(id), "inScope", "true"));
        postAs("team-member", "/petitions/" + id + "/reply", Map.of("version", "" + version(id),
                "reply", "第一稿：已收到，正在核实。"));
        postAs("team-leader", "/petitions/" + id + "/reply", Map.of("version", "" + version(id),
                "reply", "第二稿：经核实，已责令重新评定。"));

        List<Map<String, Object>> rows = revisions(id, "REPLY");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("revision_text")).isEqualTo("第一稿：已收到，正在核实。");
        assertThat(((Number) rows.get(0).get("actor_id")).longValue()).isEqualTo(accountId("team-member"));
        assertThat(rows.get(1).get("revision_text")).isEqualTo("第二稿：经核实，已责令重新评定。");
        assertThat(((Number) rows.get(1).get("actor_id")).longValue()).isEqualTo(accountId("team-leader"));

        String html = page("team-member", id);
        assertThat(html).contains("第二稿：经核实，已责令重新评定。").contains("修改记录").contains("reply-revisions")
                .contains("第一稿：已收到，正在核实。");
        assertThat(html.indexOf("第二稿")).isLessThan(html.indexOf("第一稿"));
        assertThat(page("office-a", id)).contains("第一稿：已收到，正在核实。");

        assertThat(auditDetails(id, "PETITION_REPLIED")).containsExactly("revision=1", "revision=2");
        assertThat(repository.revisions(id, scopes.of(w.principal("other-member")))).isEmpty();
        assertThat(repository.revisions(id, scopes.of(w.principal("team-member")))).hasSize(2);
    }

    @Test
    void aSingleReplyShowsNoRevisionList() throws Exception {
        long id = report("村里修路款去向不明，请查一查账目。");
        postAs("team-member", "/petitions/" + id + "/triage", Map.of("version", "" + version(id), "inScope", "true"));
        postAs("team-member", "/petitions/" + id + "/reply", Map.of("version", "" + version(id),
                "reply", "已收到，正在核实。"));
        assertThat(revisions(id, "REPLY")).hasSize(1);
        assertThat(page("team-member", id)).contains("已收到，正在核实。").doesNotContain("reply-revisions");
    }

    @Test
    void theOutcomeKeepsEveryVersionToo() throws Exception {
        long id = report("镇领导违规使用公车办私事，多次被人看见。");
        postAs("team-member", "/petitions/" + id + "/triage", Map.of("version", "" + version(id), "inScope", "true"));
        postAs("team-member", "/petitions/" + id + "/dispose", Map.of("version", "" + version(id),
                "disposition", "DISCIPLINE"));
        // transferred, then the receiver's outcomes come from referral through TransferredPetitionOutcomes
        tx.execute(t -> transfers.markTransferred(PetitionId.of(id), "甲县纪委监委", org.xuncha.common.BodyId.of(w.countyA),
                java.time.OffsetDateTime.now(clock)));
        Long by = accountId("discipline-a");
        tx.execute(t -> outcomes.recordOutcome(PetitionId.of(id), "初核：情况属实。", java.time.OffsetDateTime.now(clock),
                org.xuncha.common.UserId.of(by)));
        tx.execute(t -> outcomes.recordOutcome(PetitionId.of(id), "结论：给予党内警告处分。",
                java.time.OffsetDateTime.now(clock), org.xuncha.common.UserId.of(by)));
        List<Map<String, Object>> rows = revisions(id, "OUTCOME");
        assertThat(rows).extracting(r -> r.get("revision_text")).containsExactly("初核：情况属实。", "结论：给予党内警告处分。");
        assertThat(((Number) rows.get(1).get("actor_id")).longValue()).isEqualTo(accountId("discipline-a"));
        assertThat(page("team-leader", id)).contains("结论：给予党内警告处分。").contains("outcome-revisions")
                .contains("初核：情况属实。");
        assertThat(auditDetails(id, "PETITION_OUTCOME_RECORDED")).containsExactly("revision=1", "revision=2");
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteARevision() throws Exception {
        long id = report("村支书在集体土地流转中收受好处。");
        postAs("team-member", "/petitions/" + id + "/triage", Map.of("version", "" + version(id), "inScope", "true"));
        postAs("team-member", "/petitions/" + id + "/reply", Map.of("version", "" + version(id),
                "reply", "已收到，正在核实。"));
        assertThatThrownBy(() -> jdbc.sql("UPDATE petition_text_revision SET revision_text = 'x' WHERE petition_id = :p")
                .param("p", id).update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM petition_text_revision WHERE petition_id = :p")
                .param("p", id).update()).isInstanceOf(DataAccessException.class);
        assertThat(revisions(id, "REPLY")).extracting(r -> r.get("revision_text")).containsExactly("已收到，正在核实。");
    }

    /**
     * H2 binds a CHECK constraint that compares text to the session that created it: once the pool has retired the
     * connection that ran the migrations (Hikari's max lifetime, 30 minutes into the first start of the embedded
     * edition), every insert the check looks at fails. The kind is guarded by a foreign key instead (V8_7), which
     * survives that; here the pool retires every connection before a reply is written.
     */
    @Test
    void revisionsAreStillWrittenAfterThePoolRetiredTheConnectionsThatMigrated() throws Exception {
        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
        long id = report("村会计挪用集体资金，账目对不上。");
        postAs("team-member", "/petitions/" + id + "/triage", Map.of("version", "" + version(id), "inScope", "true"));
        postAs("team-member", "/petitions/" + id + "/reply", Map.of("version", "" + version(id),
                "reply", "已收到，正在核实。"));
        assertThat(revisions(id, "REPLY")).extracting(r -> r.get("revision_text")).containsExactly("已收到，正在核实。");
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO petition_text_revision (petition_id, kind, revision_no, revision_text, occurred_at)
                VALUES (:p, 'DRAFT', 1, 'x', CURRENT_TIMESTAMP)
                """).param("p", id).update()).as("a kind that PetitionTextKind does not have")
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
