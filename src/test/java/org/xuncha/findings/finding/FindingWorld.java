package org.xuncha.findings.finding;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.identity.DataScopes;
import org.xuncha.identity.PrincipalFactory;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.testing.TestFixtures;

/**
 * A small city for finding tests, in plain SQL (like paper.PaperWorld): county A's body with its STATIONED
 * inspection {@link #inspection} (leader, deputy, member; stationed 9 days ago) of the department {@link #a1} (四个落实
 * by default) with the village {@link #village} as an extended unit (四个聚焦), {@link #reporting} (REPORTING, a leader),
 * {@link #feedback} (FEEDBACK, a leader); county B with {@link #inspectionB}. Accounts: offices of A, B and the city,
 * A's leading group, a TARGET of a1, DISCIPLINE, ORG_DEPT and COLLABORATOR of A. Working papers are inserted
 * directly in the status a test needs ({@link #paper}).
 */
final class FindingWorld {

    final String prefix;
    final long city;
    final long countyA;
    final long countyB;
    final long a1;
    final long village;
    final long other;
    final long inspection;
    final long reporting;
    final long feedback;
    final long inspectionB;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TestFixtures f;
    private final DataScopes scopes;

    FindingWorld(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, DataScopes scopes, String prefix, String city4) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.scopes = scopes;
        this.prefix = prefix;
        this.f = new TestFixtures(jdbc, encoder, clock);
        String c = city4 + "00";
        String a = city4 + "02";
        String b = city4 + "03";
        f.region(c, "问题市", "CITY", null);
        f.region(a, "问题甲县", "COUNTY", c);
        f.region(b, "问题乙县", "COUNTY", c);
        city = f.body(prefix + "问题市委巡察机构", c, "CITY", null);
        countyA = f.body(prefix + "甲县委巡察机构", a, "COUNTY", city);
        countyB = f.body(prefix + "乙县委巡察机构", b, "COUNTY", city);
        a1 = f.organization(prefix + "A1", "甲县水务局党组", countyA, a, null);
        village = f.organization(prefix + "V1", "甲县河口村党支部", "BRANCH", "VILLAGE", countyA, a, null);
        other = f.organization(prefix + "A2", "甲县财政局党组", countyA, a, null);
        long b1 = f.organization(prefix + "B1", "乙县教育局党组", countyB, b, null);
        long roundA = round(countyA, term(countyA));
        long roundB = round(countyB, term(countyB));
        inspection = inspection(countyA, roundA, "甲县委第三巡察组", "STATIONED", a1);
        jdbc.sql("INSERT INTO inspection_target (inspection_id, organization_id, extended_from) VALUES (:i, :o, :e)")
                .param("i", inspection).param("o", village).param("e", a1).update();
        reporting = inspection(countyA, roundA, "甲县委第四巡察组", "REPORTING", other);
        feedback = inspection(countyA, roundA, "甲县委第六巡察组", "FEEDBACK", other);
        inspectionB = inspection(countyB, roundB, "乙县委第一巡察组", "STATIONED", b1);
        f.account(prefix + "office-a", Role.OFFICE, countyA, null);
        f.account(prefix + "office-b", Role.OFFICE, countyB, null);
        f.account(prefix + "office-city", Role.OFFICE, city, null);
        f.account(prefix + "leader-a", Role.LEADER, countyA, null);
        f.account(prefix + "target-a1", Role.TARGET, countyA, a1);
        f.account(prefix + "discipline-a", Role.DISCIPLINE, countyA, null);
        f.account(prefix + "orgdept-a", Role.ORG_DEPT, countyA, null);
        f.account(prefix + "collaborator-a", Role.COLLABORATOR, countyA, null);
        member("team-leader", "林组长", Role.TEAM_LEADER, "LEADER", inspection, countyA);
        member("deputy", "陈副组长", Role.TEAM_MEMBER, "DEPUTY", inspection, countyA);
        member("member", "王组员", Role.TEAM_MEMBER, "MEMBER", inspection, countyA);
        member("r-leader", "周组长", Role.TEAM_LEADER, "LEADER", reporting, countyA);
        member("fb-leader", "孙组长", Role.TEAM_LEADER, "LEADER", feedback, countyA);
        member("b-leader", "钱组长", Role.TEAM_LEADER, "LEADER", inspectionB, countyB);
    }

    /** A working paper of {@code inspectionId} in {@code status}, amounts in fen; returns its id. */
    long paper(long inspectionId, String status, String title, long illegalFen, long lossFen) {
        long seq = jdbc.sql("SELECT count(*) FROM working_paper WHERE inspection_id = :i").param("i", inspectionId)
                .query(Long.class).single() + 1;
        String no = prefix + "-" + inspectionId + "-" + seq + "号";
        jdbc.sql("""
                INSERT INTO working_paper (inspection_id, seq, paper_no, title, facts, source, illegal_fen, loss_fen,
                                           finder_id, finder_name, found_on, writer_id, writer_name, written_at,
                                           status, content_version, row_version, created_at, updated_at)
                VALUES (:i, :seq, :no, :title, :facts, 'RECORDS', :illegal, :loss, 1, '王组员', :today, 1, '王组员',
                        :now, :status, 1, 1, :now, :now)
                """).param("i", inspectionId).param("seq", seq).param("no", no).param("title", title)
                .param("facts", title + "：2025年超标准公务接待12次。").param("illegal", illegalFen).param("loss", lossFen)
                .param("today", today()).param("now", now()).param("status", status).update();
        return jdbc.sql("SELECT id FROM working_paper WHERE paper_no = :no").param("no", no).query(Long.class)
                .single();
    }

    /** The id of a built-in item of {@code scheme} at {@code level} and {@code ordinal} (level 2: first parent). */
    long builtIn(String scheme, int level, int ordinal) {
        return jdbc.sql("""
                SELECT min(id) FROM finding_heading_item WHERE body_id IS NULL AND scheme = :s AND level = :l
                AND ordinal = :o
                """).param("s", scheme).param("l", level).param("o", ordinal).query(Long.class).single();
    }

    /** An item of the office {@code body} under {@code parent}; active or retired. */
    long ownItem(long body, long parent, String label, boolean active) {
        var p = jdbc.sql("SELECT scheme, level FROM finding_heading_item WHERE id = :p").param("p", parent)
                .query().singleRow();
        jdbc.sql("""
                INSERT INTO finding_heading_item (scheme, parent_id, level, ordinal, label, body_id, active, created_at)
                VALUES (:s, :p, :l, 99, :label, :b, :a, :now)
                """).param("s", p.get("scheme")).param("p", parent).param("l", ((Number) p.get("level")).intValue() + 1)
                .param("label", label).param("b", body).param("a", active).param("now", now()).update();
        return jdbc.sql("SELECT max(id) FROM finding_heading_item WHERE label = :label").param("label", label)
                .query(Long.class).single();
    }

    long tag(String label) {
        return jdbc.sql("SELECT min(id) FROM finding_topic_tag WHERE body_id IS NULL AND label = :l")
                .param("l", label).query(Long.class).single();
    }

    long ownTag(long body, String label, boolean active) {
        jdbc.sql("INSERT INTO finding_topic_tag (label, body_id, active, created_at) VALUES (:l, :b, :a, :now)")
                .param("l", label).param("b", body).param("a", active).param("now", now()).update();
        return jdbc.sql("SELECT max(id) FROM finding_topic_tag WHERE label = :l").param("l", label)
                .query(Long.class).single();
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A PDF that opens with JavaScript: the upload check refuses it. */
    static byte[] pdfWithJavaScript() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert('x')) >> >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    private long term(long body) {
        return f.term(body, "问题届");
    }

    private long round(long body, long term) {
        return f.round(body, term, today().minusDays(10), today().plusDays(30));
    }

    private long inspection(long body, long round, String team, String stage, long target) {
        return f.inspection(body, round, prefix + team, stage, false, today().minusDays(9), target);
    }

    private void member(String name, String display, Role role, String teamRole, long inspectionId, long body) {
        f.teamMember(prefix + name, display, role, teamRole, inspectionId, body);
    }

    DataScope scope(String name) {
        return scopes.of(principal(name));
    }

    RequestPostProcessor as(String name) {
        XunchaPrincipal p = principal(name);
        return SecurityMockMvcRequestPostProcessors.authentication(
                new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }

    XunchaPrincipal principal(String name) {
        String username = prefix + name;
        var row = jdbc.sql("""
                SELECT a.id, a.body_id, a.organization_id, r.role FROM user_account a
                JOIN user_role r ON r.user_account = a.id WHERE a.username = :u
                """).param("u", username).query().singleRow();
        Role role = Role.valueOf((String) row.get("role"));
        return PrincipalFactory.create(((Number) row.get("id")).longValue(), username, username, "x", Set.of(role),
                row.get("body_id") == null ? null : ((Number) row.get("body_id")).longValue(),
                row.get("organization_id") == null ? null : ((Number) row.get("organization_id")).longValue(),
                null, true, false);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
