package org.xuncha.findings.worklog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.identity.DataScopes;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.intake.IntakeWorld;
import org.xuncha.testing.TestFixtures;

/**
 * The work logs' city: intake's {@link IntakeWorld} (county A's stationed {@code inspection} with a team leader and
 * a member, A's {@code other} with its own member, A's REPORTING {@code closedChannel}, B's {@code inspectionB} with
 * its leader; offices of A, B and the city, A's leading group, a TARGET of a1, DISCIPLINE of A) plus a COLLABORATOR
 * and an ORG_DEPT account of county A.
 */
final class WorkLogWorld {

    final IntakeWorld w;
    private final JdbcClient jdbc;
    private final DataScopes scopes;

    WorkLogWorld(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, DataScopes scopes, String prefix,
                 String city4) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.w = new IntakeWorld(jdbc, encoder, clock, prefix, city4);
        TestFixtures f = new TestFixtures(jdbc, encoder, clock);
        f.account(prefix + "collaborator-a", Role.COLLABORATOR, w.countyA, null);
        f.account(prefix + "orgdept-a", Role.ORG_DEPT, w.countyA, null);
    }

    DataScope scope(String who) {
        return scopes.of(w.principal(who));
    }

    XunchaPrincipal principal(String who) {
        return w.principal(who);
    }

    RequestPostProcessor as(String who) {
        return w.as(who);
    }

    /** The inspector ids of the current team of an inspection. */
    List<Long> team(long inspection) {
        return jdbc.sql("SELECT inspector_id FROM team_member WHERE inspection_id = :i AND left_at IS NULL ORDER BY id")
                .param("i", inspection).query(Long.class).list();
    }

    static WorkLogDraft talk(LocalDate on, List<Long> inspectors, String name, String post, String notes) {
        return new WorkLogDraft(WorkLogKind.TALK, on, "县水务局三楼会议室", null, TalkCategory.LEADERSHIP, inspectors,
                name, post, notes, null, null, null, null, null, null);
    }

    static WorkLogDraft visit(LocalDate on, int persons) {
        return new WorkLogDraft(WorkLogKind.VISIT, on, "城关镇水厂", null, null, List.of(), null, null, null, persons,
                null, null, null, null, null);
    }

    static WorkLogDraft questionnaire(LocalDate on, int issued, int returned) {
        return new WorkLogDraft(WorkLogKind.QUESTIONNAIRE, on, "局机关", null, null, List.of(), null, null, null, null,
                issued, returned, null, null, null);
    }

    static WorkLogDraft records(LocalDate on, int pages) {
        return new WorkLogDraft(WorkLogKind.RECORDS, on, null, "2024年度财务凭证", null, List.of(), null, null, null,
                null, null, null, "2024年1月至12月", pages, "组员甲");
    }
}
