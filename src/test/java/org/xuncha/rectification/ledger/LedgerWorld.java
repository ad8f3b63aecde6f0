package org.xuncha.rectification.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.findings.paper.PaperWorld;
import org.xuncha.identity.DataScopes;

/**
 * The working papers' world ({@link PaperWorld}: city, county A with its office, leading group, TARGET of a1,
 * DISCIPLINE, ORG_DEPT, the team of {@code w.feedback} (FEEDBACK, member {@code fb-member}) and of
 * {@code w.inspection}; county B with its office) plus a second organization a2 of county A with its TARGET
 * ({@code target-a2}), and what feedback and the plan review write before the ledger, inserted straight in SQL as
 * their services write it (those rules are tested by the feedback and plan helpers): a delivered feedback with its
 * fed-back problems, an approved (or still drafted) plan, its items. Each test class builds its own world under its
 * own prefix and city code (5931–5936). Public for the red cards' tests (rectification.redcard).
 */
public final class LedgerWorld {

    public final PaperWorld w;
    public final long a2;
    public final long b1;

    private final JdbcClient jdbc;
    private final Clock clock;

    public LedgerWorld(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, DataScopes scopes, String prefix, String city4) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.w = new PaperWorld(jdbc, encoder, clock, scopes, prefix, city4);
        this.a2 = new org.xuncha.testing.TestFixtures(jdbc, encoder, clock)
                .organization(prefix + "A2", "甲县财政局党组", w.countyA, city4 + "02", null);
        this.b1 = jdbc.sql("SELECT id FROM party_organization WHERE code = :c").param("c", prefix + "B1")
                .query(Long.class).single();
        new org.xuncha.testing.TestFixtures(jdbc, encoder, clock).account(prefix + "target-a2", Role.TARGET,
                w.countyA, a2);
        new org.xuncha.testing.TestFixtures(jdbc, encoder, clock).account(prefix + "target-b1", Role.TARGET,
                w.countyB, b1);
    }

    public DataScope scope(String name) {
        return w.scope(name);
    }

    public long body(long inspection) {
        return jdbc.sql("SELECT body_id FROM inspection WHERE id = :i").param("i", inspection).query(Long.class)
                .single();
    }

    /** A feedback of the inspection to the organization, delivered {@code daysAgo} days ago. */
    public long deliveredFeedback(long inspection, long organization, int daysAgo) {
        LocalDate on = today().minusDays(daysAgo);
        jdbc.sql("""
                INSERT INTO rectification_feedback (inspection_id, organization_id, body_id, scheme, status, title,
                                                    delivered_on, plan_due_on, report_due_on, row_version,
                                                    created_by, created_by_name, created_at, updated_at)
                VALUES (:i, :o, :b, 'FOUR_IMPLEMENTATIONS', 'DELIVERED', '关于巡察反馈意见', :on, :plan, :report, 3,
                        1, '巡察办', :now, :now)
                """).param("i", inspection).param("o", organization).param("b", body(inspection)).param("on", on)
                .param("plan", on.plusDays(21)).param("report", on.plusMonths(2)).param("now", now()).update();
        return jdbc.sql("SELECT id FROM rectification_feedback WHERE inspection_id = :i AND organization_id = :o")
                .param("i", inspection).param("o", organization).query(Long.class).single();
    }

    /** A fed-back problem of the feedback. */
    public long problem(long feedback, int position, String wording) {
        jdbc.sql("""
                INSERT INTO rectification_feedback_item (feedback_id, position, finding_id, heading_label, wording)
                VALUES (:f, :p, :finding, '落实全面从严治党战略部署', :w)
                """).param("f", feedback).param("p", position).param("finding", feedback * 1000 + position)
                .param("w", wording).update();
        return jdbc.sql("SELECT id FROM rectification_feedback_item WHERE feedback_id = :f AND position = :p")
                .param("f", feedback).param("p", position).query(Long.class).single();
    }

    /** The plan answering the feedback, in {@code status} (APPROVED: the ledger holds its items). */
    public long plan(long feedback, String status) {
        var f = jdbc.sql("SELECT inspection_id, organization_id, body_id, delivered_on FROM rectification_feedback WHERE id = :f")
                .param("f", feedback).query().singleRow();
        jdbc.sql("""
                INSERT INTO rectification_plan (feedback_id, inspection_id, organization_id, body_id, status, due_on,
                                                approved_on, row_version, created_by, created_by_name, created_at,
                                                updated_at)
                VALUES (:f, :i, :o, :b, :s, :due, :approved, 4, 1, '联络员', :now, :now)
                """).param("f", feedback).param("i", f.get("inspection_id")).param("o", f.get("organization_id"))
                .param("b", f.get("body_id")).param("s", status)
                .param("due", ((java.sql.Date) f.get("delivered_on")).toLocalDate().plusDays(21))
                .param("approved", "APPROVED".equals(status) ? today().minusDays(1) : null).param("now", now())
                .update();
        return jdbc.sql("SELECT id FROM rectification_plan WHERE feedback_id = :f").param("f", feedback)
                .query(Long.class).single();
    }

    /** An item of the plan answering the problem, due in {@code dueInDays} days (negative: overdue), in status. */
    public long item(long plan, long problem, int position, int dueInDays, String status) {
        var p = jdbc.sql("SELECT inspection_id, organization_id, body_id FROM rectification_plan WHERE id = :p")
                .param("p", plan).query().singleRow();
        jdbc.sql("""
                INSERT INTO rectification_item (plan_id, feedback_item_id, inspection_id, organization_id, body_id,
                                                position, goal, measures, leader_name, department, handler_name,
                                                due_on, mechanism, status, is_open, row_version, created_at,
                                                updated_at)
                VALUES (:p, :fi, :i, :o, :b, :pos, :goal, '修订财务审批制度，逐笔清理违规支出。', '张副局长', '办公室',
                        '李经办', :due, '建立月度自查机制', :s, :open, 1, :now, :now)
                """).param("open", org.xuncha.rectification.ItemStatus.valueOf(status).open())
                .param("p", plan).param("fi", problem).param("i", p.get("inspection_id"))
                .param("o", p.get("organization_id")).param("b", p.get("body_id")).param("pos", position)
                .param("goal", "整改目标" + position).param("due", today().plusDays(dueInDays)).param("s", status)
                .param("now", now()).update();
        return jdbc.sql("SELECT id FROM rectification_item WHERE plan_id = :p AND position = :pos")
                .param("p", plan).param("pos", position).query(Long.class).single();
    }

    /** Sets an item's status (and sign-off date) as the ledger would have left it, bumping its version. */
    public void status(long item, String status, LocalDate signedOffOn) {
        jdbc.sql("""
                UPDATE rectification_item SET status = :s, is_open = :open, signed_off_on = :on,
                       row_version = row_version + 1
                WHERE id = :id
                """).param("open", org.xuncha.rectification.ItemStatus.valueOf(status).open()).param("s", status).param("on", signedOffOn).param("id", item).update();
    }

    /** A progress report on the item (money in fen) with one evidence file of {@code kind} titled {@code title}. */
    public long evidence(long item, String kind, String title, long moneyFen, long lossFen) {
        jdbc.sql("""
                INSERT INTO rectification_progress (item_id, reported_on, progress_text, money_returned_fen,
                                                    loss_retrieved_fen, reported_by, reported_by_name, reported_at)
                VALUES (:i, :on, '已整改', :m, :l, 1, '联络员', :now)
                """).param("i", item).param("on", today()).param("m", moneyFen).param("l", lossFen)
                .param("now", now()).update();
        long progress = jdbc.sql("SELECT max(id) FROM rectification_progress WHERE item_id = :i").param("i", item)
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO rectification_evidence (progress_id, item_id, kind, title, file_name, content_type,
                                                    size_bytes, sha256, content, uploaded_at)
                VALUES (:p, :i, :k, :t, 'a.pdf', 'application/pdf', 3, :sha, :c, :now)
                """).param("p", progress).param("i", item).param("k", kind).param("t", title)
                .param("sha", "0".repeat(63) + (item % 10)).param("c", new byte[] {1, 2, 3}).param("now", now())
                .update();
        return progress;
    }

    public int version(long item) {
        return jdbc.sql("SELECT row_version FROM rectification_item WHERE id = :id").param("id", item)
                .query(Integer.class).single();
    }

    public String status(long item) {
        return jdbc.sql("SELECT status FROM rectification_item WHERE id = :id").param("id", item)
                .query(String.class).single();
    }

    public OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
