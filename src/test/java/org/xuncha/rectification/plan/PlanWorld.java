package org.xuncha.rectification.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.findings.paper.PaperWorld;
import org.xuncha.identity.DataScopes;
import org.xuncha.testing.TestFixtures;

/**
 * The working papers' world ({@link PaperWorld}: county A with its office, leading group, 纪委监委, 组织部, the team of
 * {@code w.inspection} — {@code team-leader} its LEADER, {@code deputy} a member —, the TARGET {@code target-a1} of
 * 甲县水务局党组; county B's office; the city office) with what the plan needs: a second organization of county A
 * with its TARGET ({@code target-a2}), county B's 纪委监委 ({@code discipline-b}), and delivered feedback written
 * straight in SQL ({@link #delivered}: the feedback's own rules are the feedback helper's). Accounts sign in with
 * {@link TestFixtures#PASSWORD}. Each test class builds its own world under its own prefix and city code.
 */
final class PlanWorld {

    final PaperWorld w;
    final long a2;

    private final JdbcClient jdbc;
    private final Clock clock;

    PlanWorld(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, DataScopes scopes, String prefix, String city4) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.w = new PaperWorld(jdbc, encoder, clock, scopes, prefix, city4);
        TestFixtures f = new TestFixtures(jdbc, encoder, clock);
        a2 = f.organization(prefix + "A2", "甲县财政局党组", w.countyA, city4 + "02", null);
        f.account(prefix + "target-a2", Role.TARGET, w.countyA, a2);
        w.account("discipline-b", Role.DISCIPLINE, w.countyB);
        w.account("orgdept-b", Role.ORG_DEPT, w.countyB);
        jdbc.sql("UPDATE user_account SET display_name = '张书记' WHERE username = :u").param("u", prefix + "target-a1")
                .update();
    }

    DataScope scope(String name) {
        return w.scope(name);
    }

    /**
     * A feedback of {@code inspection} to {@code organization} delivered {@code daysAgo} days ago, its 整改方案 due in
     * {@code dueInDays} days, with one fed-back problem per wording (positions 1..n); returns the feedback id.
     */
    long delivered(long inspection, long organization, int daysAgo, int dueInDays, List<String> wordings) {
        long body = jdbc.sql("SELECT body_id FROM inspection WHERE id = :i").param("i", inspection)
                .query(Long.class).single();
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO rectification_feedback (inspection_id, organization_id, body_id, scheme, status, title,
                                                    delivered_on, plan_due_on, report_due_on, row_version, created_by,
                                                    created_by_name, created_at, updated_at)
                VALUES (:i, :o, :b, 'FOUR_IMPLEMENTATIONS', 'DELIVERED', :t, :d, :pd, :rd, 3, 1, '巡察办', :now, :now)
                """).param("i", inspection).param("o", organization).param("b", body)
                .param("t", "关于巡察" + organization + "的反馈意见").param("d", today.minusDays(daysAgo))
                .param("pd", today.plusDays(dueInDays)).param("rd", today.minusDays(daysAgo).plusMonths(2))
                .param("now", now).update();
        long id = jdbc.sql("SELECT id FROM rectification_feedback WHERE inspection_id = :i AND organization_id = :o")
                .param("i", inspection).param("o", organization).query(Long.class).single();
        int position = 1;
        for (String wording : wordings) {
            jdbc.sql("""
                    INSERT INTO rectification_feedback_item (feedback_id, position, finding_id, heading_label, wording)
                    VALUES (:f, :p, :finding, '落实全面从严治党责任方面', :w)
                    """).param("f", id).param("p", position).param("finding", 900_000 + id * 100 + position)
                    .param("w", wording).update();
            position++;
        }
        return id;
    }

    /** The fed-back problems' ids of a feedback, in their order. */
    List<Long> problems(long feedback) {
        return jdbc.sql("SELECT id FROM rectification_feedback_item WHERE feedback_id = :f ORDER BY position")
                .param("f", feedback).query(Long.class).list();
    }

    int planVersion(long plan) {
        return jdbc.sql("SELECT row_version FROM rectification_plan WHERE id = :p").param("p", plan)
                .query(Integer.class).single();
    }

    String planStatus(long plan) {
        return jdbc.sql("SELECT status FROM rectification_plan WHERE id = :p").param("p", plan)
                .query(String.class).single();
    }

    long audits(String action, long plan) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = :a AND object_type = 'RectificationPlan'"
                + " AND object_id = :id").param("a", action).param("id", String.valueOf(plan)).query(Long.class)
                .single();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A complete item answering {@code problem}, due in 60 days. */
    ItemDraft item(long problem, String goal) {
        return new ItemDraft(problem, goal, "制定并落实整改措施：" + goal, "李副局长", "办公室", "王科员",
                today().plusDays(60), "建立健全相关制度");
    }
}
