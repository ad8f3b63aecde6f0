package org.xuncha.findings.lead;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.Role;
import org.xuncha.findings.paper.PaperWorld;
import org.xuncha.identity.DataScopes;

/**
 * The working papers' world ({@link PaperWorld}) with what leads add: the city body's CROSS inspection
 * {@link #cross} of county A's organization a1 (its team leader {@code x-leader}), the leading groups of the city
 * ({@code leader-city}) and of county B ({@code leader-b}), and working papers written straight in SQL (the papers'
 * own approval is tested in findings.paper).
 */
final class LeadWorld {

    final PaperWorld w;
    final long cross;

    private final JdbcClient jdbc;
    private final Clock clock;

    LeadWorld(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, DataScopes scopes, String prefix, String city4) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.w = new PaperWorld(jdbc, encoder, clock, scopes, prefix, city4);
        long round = w.round(w.city, w.term(w.city));
        cross = w.inspection(w.city, round, "市委第一巡察组", "STATIONED", w.a1, true);
        w.member("x-leader", "冯组长", Role.TEAM_LEADER, "LEADER", cross, w.city);
        w.member("x-member", "褚组员", Role.TEAM_MEMBER, "MEMBER", cross, w.city);
        w.account("leader-city", Role.LEADER, w.city);
        w.account("leader-b", Role.LEADER, w.countyB);
    }

    /** A working paper of the inspection in the given status (APPROVED, DRAFT …), as SQL. */
    long paper(long inspection, String no, String status) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        int seq = jdbc.sql("SELECT count(*) + 1 FROM working_paper WHERE inspection_id = :i").param("i", inspection)
                .query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO working_paper (inspection_id, seq, paper_no, title, facts, source, illegal_fen, loss_fen,
                                           finder_id, finder_name, found_on, writer_id, writer_name, written_at,
                                           status, content_version, row_version, created_at, updated_at)
                VALUES (:i, :seq, :no, '底稿标题', '事实', 'RECORDS', 0, 0, 1, '王撰写', :on, 1, '王撰写', :now,
                        :status, 1, 1, :now, :now)
                """).param("i", inspection).param("seq", seq).param("no", no).param("on", LocalDate.now(clock))
                .param("now", now).param("status", status).update();
        return jdbc.sql("SELECT id FROM working_paper WHERE paper_no = :no").param("no", no).query(Long.class)
                .single();
    }

    static LeadDraft draft(String title, LeadSource source, Long paper, String ref, boolean urgent,
                           LeadDraft.Person... persons) {
        return new LeadDraft(title, "在工程项目验收中收受施工方礼金。", source, paper, ref, SuspectedViolation.INTEGRITY,
                urgent, List.of(persons));
    }

    static LeadDraft.Person person(String name, String id) {
        return new LeadDraft.Person(name, id, "局党组成员、副局长", PersonRank.SECTION);
    }
}
