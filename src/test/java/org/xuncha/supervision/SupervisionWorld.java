package org.xuncha.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.identity.DataScopes;
import org.xuncha.rectification.ledger.LedgerWorld;

/**
 * The ledger's world ({@link LedgerWorld}) with inspection {@code w.feedback} of county A moved to 整改 (RECTIFYING),
 * and the rectification reports inserted straight in SQL as rectification.report writes them. Each supervision test
 * class builds its own under its own prefix and city code (6131–6139).
 */
public final class SupervisionWorld {

    public final LedgerWorld lw;
    public final long inspection;
    private final JdbcClient jdbc;
    private final Clock clock;

    public SupervisionWorld(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, DataScopes scopes, String prefix,
                            String city4) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lw = new LedgerWorld(jdbc, encoder, clock, scopes, prefix, city4);
        this.inspection = lw.w.feedback;
        jdbc.sql("UPDATE inspection SET stage = 'RECTIFYING' WHERE id = :i").param("i", inspection).update();
    }

    /** A report of the feedback ({@code SITUATION} or {@code LEADER}) in {@code status}, due in {@code dueInDays}. */
    public long report(long feedback, String kind, String status, int dueInDays) {
        var f = jdbc.sql("SELECT inspection_id, organization_id, body_id FROM rectification_feedback WHERE id = :f")
                .param("f", feedback).query().singleRow();
        jdbc.sql("""
                INSERT INTO rectification_report (feedback_id, kind, inspection_id, organization_id, body_id, status,
                                                  due_on, title, content, submission_round, row_version, created_by,
                                                  created_by_name, created_at, updated_at)
                VALUES (:f, :k, :i, :o, :b, :s, :due, '整改情况报告', '报告正文', 1, 1, 1, '联络员', :now, :now)
                """).param("f", feedback).param("k", kind).param("i", f.get("inspection_id"))
                .param("o", f.get("organization_id")).param("b", f.get("body_id")).param("s", status)
                .param("due", today().plusDays(dueInDays)).param("now", now()).update();
        return jdbc.sql("SELECT id FROM rectification_report WHERE feedback_id = :f AND kind = :k")
                .param("f", feedback).param("k", kind).query(Long.class).single();
    }

    public String stage() {
        return jdbc.sql("SELECT stage FROM inspection WHERE id = :i").param("i", inspection).query(String.class)
                .single();
    }

    public OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
