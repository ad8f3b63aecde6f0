package org.xuncha.rectification.feedback;

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
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.testing.TestFixtures;

/**
 * A county for feedback tests, in plain SQL (what findings, intake and inspection build is written as their services
 * write it; their own rules are tested there): county A's office, leading group, DISCIPLINE, ORG_DEPT, COLLABORATOR,
 * a city office above it; {@link #inspection} (REPORTING, withdrawn 20 days ago) of two main targets {@link #a1} and
 * {@link #a2} and an extension unit {@link #ext} of a1, with its approved report: a1's two findings under two level-1
 * headings of 四个落实, ext's one, a2's one, and a withdrawn finding of a1; {@link #unapproved} (REPORTING, its report
 * still at 党委审定); county B's office and {@link #inspectionB}. TARGET accounts of a1 and a2; the team (leader,
 * member) of {@link #inspection}, a member of {@link #unapproved}. A real-name reporter, an interviewee and a lead's
 * involved person of {@link #inspection}, sealed as intake and findings seal them: {@link #REPORTER},
 * {@link #INTERVIEWEE}, {@link #INVOLVED}. Each test class builds its own world under its own prefix and city code.
 */
public final class FeedbackWorld {

    public static final String REPORTER = "欧阳明远";
    public static final String INTERVIEWEE = "司马青云";
    public static final String INVOLVED = "诸葛长风";

    public final String prefix;
    public final long city;
    public final long countyA;
    public final long countyB;
    public final long a1;
    public final long a2;
    public final long ext;
    public final long b1;
    public final long inspection;
    public final long unapproved;
    public final long inspectionB;
    public final long a1First;
    public final long a1Second;
    public final long a1Withdrawn;
    public final long extFinding;
    public final long a2Finding;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TestFixtures f;
    private final DataScopes scopes;
    private final FieldCipher cipher;
    private final long heading1;
    private final long heading2;

    public FeedbackWorld(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, DataScopes scopes, FieldCipher cipher,
                         String prefix, String city4) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.scopes = scopes;
        this.cipher = cipher;
        this.prefix = prefix;
        this.f = new TestFixtures(jdbc, encoder, clock);
        String c = city4 + "00";
        String a = city4 + "02";
        String b = city4 + "03";
        f.region(c, "反馈市", "CITY", null);
        f.region(a, "反馈甲县", "COUNTY", c);
        f.region(b, "反馈乙县", "COUNTY", c);
        city = f.body("反馈市委巡察机构", c, "CITY", null);
        countyA = f.body("反馈甲县委巡察机构", a, "COUNTY", city);
        countyB = f.body("反馈乙县委巡察机构", b, "COUNTY", city);
        a1 = f.organization(prefix + "A1", "甲县水务局党组", countyA, a, null);
        a2 = f.organization(prefix + "A2", "甲县教育局党组", countyA, a, null);
        ext = f.organization(prefix + "AX", "甲县水务局下属水务站", countyA, a, null);
        b1 = f.organization(prefix + "B1", "乙县卫健局党组", countyB, b, null);
        long roundA = f.round(countyA, f.term(countyA, "反馈届"), today().minusDays(70), today().minusDays(20));
        long roundB = f.round(countyB, f.term(countyB, "反馈届"), today().minusDays(70), today().minusDays(20));
        inspection = reporting(countyA, roundA, "甲县委第一巡察组", a1);
        target(inspection, a2, null);
        target(inspection, ext, a1);
        unapproved = reporting(countyA, roundA, "甲县委第二巡察组", a2);
        inspectionB = reporting(countyB, roundB, "乙县委第一巡察组", b1);

        f.account(prefix + "office-a", Role.OFFICE, countyA, null);
        f.account(prefix + "office-b", Role.OFFICE, countyB, null);
        f.account(prefix + "office-city", Role.OFFICE, city, null);
        f.account(prefix + "leader-a", Role.LEADER, countyA, null);
        f.account(prefix + "leader-b", Role.LEADER, countyB, null);
        f.account(prefix + "target-a1", Role.TARGET, countyA, a1);
        f.account(prefix + "target-a2", Role.TARGET, countyA, a2);
        f.account(prefix + "discipline-a", Role.DISCIPLINE, countyA, null);
        f.account(prefix + "orgdept-a", Role.ORG_DEPT, countyA, null);
        f.account(prefix + "collaborator-a", Role.COLLABORATOR, countyA, null);
        f.teamMember(prefix + "team-leader", "林组长", Role.TEAM_LEADER, "LEADER", inspection, countyA);
        f.teamMember(prefix + "member", "王组员", Role.TEAM_MEMBER, "MEMBER", inspection, countyA);
        f.teamMember(prefix + "other-member", "郑组员", Role.TEAM_MEMBER, "MEMBER", unapproved, countyA);

        heading1 = builtIn("FOUR_IMPLEMENTATIONS", 1);
        heading2 = builtIn("FOUR_IMPLEMENTATIONS", 2);
        a1First = finding(inspection, a1, heading1, "超标准公务接待", "2025年超标准公务接待12次，金额3.2万元。", "RECORDED");
        a1Second = finding(inspection, a1, heading2, "工程项目验收把关不严", "3个水利工程项目未经验收即支付尾款。", "RECORDED");
        a1Withdrawn = finding(inspection, a1, heading2, "已撤回的问题", "经核实不成立。", "WITHDRAWN");
        extFinding = finding(inspection, ext, heading1, "水务站账外资金", "水务站设立账外资金8万元。", "RECORDED");
        a2Finding = finding(inspection, a2, heading2, "学校食堂管理混乱", "食堂采购未公开招标。", "RECORDED");
        report(inspection, "APPROVED", a1First, a1Second, a1Withdrawn, extFinding, a2Finding);
        long u = finding(unapproved, a2, heading1, "未审定报告的问题", "某问题。", "RECORDED");
        report(unapproved, "COMMITTEE", u);
        long bFinding = finding(inspectionB, b1, heading1, "乙县的问题", "乙县某问题。", "RECORDED");
        report(inspectionB, "APPROVED", bFinding);

        persons(inspection);
    }

    private long reporting(long body, long round, String team, long target) {
        long id = f.inspection(body, round, prefix + team, "REPORTING", false, today().minusDays(60), target);
        jdbc.sql("UPDATE inspection SET withdrawn_on = :w WHERE id = :i").param("w", today().minusDays(20))
                .param("i", id).update();
        return id;
    }

    private void target(long inspectionId, long organization, Long extendedFrom) {
        jdbc.sql("INSERT INTO inspection_target (inspection_id, organization_id, extended_from) VALUES (:i, :o, :e)")
                .param("i", inspectionId).param("o", organization).param("e", extendedFrom).update();
    }

    private long builtIn(String scheme, int ordinal) {
        return jdbc.sql("""
                SELECT min(id) FROM finding_heading_item WHERE body_id IS NULL AND scheme = :s AND level = 1
                AND ordinal = :o
                """).param("s", scheme).param("o", ordinal).query(Long.class).single();
    }

    public String headingLabel(long heading) {
        return jdbc.sql("SELECT label FROM finding_heading_item WHERE id = :h").param("h", heading)
                .query(String.class).single();
    }

    public String heading1Label() {
        return headingLabel(heading1);
    }

    private long finding(long inspectionId, long organization, long heading, String title, String description,
                         String status) {
        long seq = jdbc.sql("SELECT count(*) FROM working_paper WHERE inspection_id = :i").param("i", inspectionId)
                .query(Long.class).single() + 1;
        String no = prefix + "-" + inspectionId + "-" + seq + "号";
        jdbc.sql("""
                INSERT INTO working_paper (inspection_id, seq, paper_no, title, facts, source, illegal_fen, loss_fen,
                                           finder_id, finder_name, found_on, writer_id, writer_name, written_at,
                                           status, content_version, row_version, created_at, updated_at)
                VALUES (:i, :seq, :no, :title, :facts, 'RECORDS', 0, 0, 1, '王组员', :today, 1, '王组员',
                        :now, 'APPROVED', 1, 1, :now, :now)
                """).param("i", inspectionId).param("seq", seq).param("no", no).param("title", title)
                .param("facts", description).param("today", today()).param("now", now()).update();
        long paper = jdbc.sql("SELECT id FROM working_paper WHERE paper_no = :no").param("no", no)
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO finding (inspection_id, paper_id, title, description, organization_id, scheme, heading_id,
                    level1_id, severity, key_problem, illegal_fen, loss_fen, status, closing_reason, rectified,
                    row_version, created_by, created_by_name, created_at, updated_at)
                VALUES (:i, :p, :t, :d, :o, 'FOUR_IMPLEMENTATIONS', :h, :h, 'SERIOUS', FALSE, 0, 0, :s, :cr, FALSE,
                    1, 1, '林组长', :now, :now)
                """).param("i", inspectionId).param("p", paper).param("t", title).param("d", description)
                .param("o", organization).param("h", heading).param("s", status)
                .param("cr", "WITHDRAWN".equals(status) ? "不成立" : null).param("now", now()).update();
        return jdbc.sql("SELECT id FROM finding WHERE paper_id = :p").param("p", paper).query(Long.class).single();
    }

    private void report(long inspectionId, String status, long... findings) {
        jdbc.sql("""
                INSERT INTO inspection_report (inspection_id, status, overall_text, suggestions_text, talks,
                    questionnaires, visits, records_read, petitions_received, petitions_handled, problems, leads,
                    lead_persons, rectified, counted_at, content_version, row_version, created_by, created_by_name,
                    created_at, updated_at)
                VALUES (:i, :s, '总体评价', '意见建议', 0, 0, 0, 0, 0, 0, :n, 0, 0, 0, :now, 1, 5, 1, '林组长', :now, :now)
                """).param("i", inspectionId).param("s", status).param("n", findings.length).param("now", now())
                .update();
        long report = jdbc.sql("SELECT id FROM inspection_report WHERE inspection_id = :i").param("i", inspectionId)
                .query(Long.class).single();
        int ordinal = 0;
        for (long finding : findings) {
            var row = jdbc.sql("SELECT level1_id, description FROM finding WHERE id = :f").param("f", finding)
                    .query().singleRow();
            long level1 = ((Number) row.get("level1_id")).longValue();
            jdbc.sql("""
                    INSERT INTO inspection_report_problem (report_id, finding_id, level1_id, level1_label, ordinal,
                        description, analysis, responsibility)
                    VALUES (:r, :f, :l, :ll, :o, :d, '定性分析', '责任指向')
                    """).param("r", report).param("f", finding).param("l", level1).param("ll", headingLabel(level1))
                    .param("o", ++ordinal).param("d", "报告：" + row.get("description")).update();
        }
    }

    /** The reporter (intake), the interviewee (a talk) and the involved person (a lead) of the inspection. */
    private void persons(long inspectionId) {
        long body = jdbc.sql("SELECT body_id FROM inspection WHERE id = :i").param("i", inspectionId)
                .query(Long.class).single();
        if (jdbc.sql("SELECT count(*) FROM intake_inspection WHERE inspection_id = :i").param("i", inspectionId)
                .query(Long.class).single() == 0) {
            jdbc.sql("""
                    INSERT INTO intake_inspection (inspection_id, body_id, round_id, team_name, form_cross, stage,
                                                   stationed_on, withdrawn_on)
                    SELECT id, body_id, round_id, team_name, form_cross, stage, stationed_on, withdrawn_on
                      FROM inspection WHERE id = :i
                    """).param("i", inspectionId).update();
        }
        jdbc.sql("""
                INSERT INTO petition (inspection_id, channel, category, content, anonymous, reporter_name_sealed,
                                      reporter_phone_sealed, receipt_hash, status, received_on, received_at)
                VALUES (:i, 'LETTER', 'OTHER', '反映水务局工程问题。', FALSE, :n, :p, :h, 'RECEIVED', :today, :now)
                """).param("i", inspectionId).param("n", cipher.seal("petition.reporter_name", REPORTER))
                .param("p", cipher.seal("petition.reporter_phone", "13800000000"))
                .param("h", prefix + "-receipt-" + inspectionId).param("today", today()).param("now", now()).update();
        jdbc.sql("""
                INSERT INTO work_log (inspection_id, kind, held_on, talk_category, status, version, created_by,
                                      created_at, updated_at)
                VALUES (:i, 'TALK', :today, 'MIDDLE_CADRE', 'ACTIVE', 1, 1, :now, :now)
                """).param("i", inspectionId).param("today", today()).param("now", now()).update();
        long log = jdbc.sql("SELECT max(id) FROM work_log WHERE inspection_id = :i").param("i", inspectionId)
                .query(Long.class).single();
        jdbc.sql("UPDATE work_log SET interviewee_sealed = :s WHERE id = :id")
                .param("s", cipher.seal("work_log.interviewee#" + log, INTERVIEWEE + "\n科长")).param("id", log)
                .update();
        jdbc.sql("""
                INSERT INTO problem_lead (inspection_id, title, description, source, source_ref, violation, urgent,
                                          status, row_version, created_by, created_by_name, created_at, updated_at)
                VALUES (:i, '收受礼金', '在工程验收中收受礼金。', 'OTHER', '谈话', 'INTEGRITY', FALSE, 'DRAFT', 1, 1,
                        '林组长', :now, :now)
                """).param("i", inspectionId).param("now", now()).update();
        long lead = jdbc.sql("SELECT max(id) FROM problem_lead WHERE inspection_id = :i").param("i", inspectionId)
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO problem_lead_person (lead_id, position, name_sealed, person_rank, person_index)
                VALUES (:l, 1, :n, 'SECTION', :idx)
                """).param("l", lead).param("n", cipher.seal("lead.person.name", INVOLVED))
                .param("idx", prefix + "-person-" + lead).update();
        assert body > 0;
    }

    /**
     * Drafts the feedback of {@code w.inspection} to {@code organization} through the module's services and takes it
     * through the review trail (对照, 巡察办审核, 领导小组审核, 查看) and both feedback sessions, so that the office only
     * has to deliver it (for flows that start there, e.g. the browser's). Returns the feedback's id.
     */
    public long readyToDeliver(org.springframework.context.ApplicationContext app, long organization) {
        FeedbackLetters letters = app.getBean(FeedbackLetters.class);
        FeedbackReview review = app.getBean(FeedbackReview.class);
        long id = letters.draft(scope("office-a"), inspection, organization);
        for (String who : java.util.List.of("office-a", "office-a", "leader-a", "office-a")) {
            review.pass(scope(who), id, letters.get(scope("office-a"), id).version(), "同意");
        }
        review.recordSession(scope("office-a"), id, FeedbackSession.LEADERSHIP, today(), "会议室",
                "县委巡察工作领导小组成员、县纪委监委监督检查室、县委组织部", null);
        review.recordSession(scope("office-a"), id, FeedbackSession.PRINCIPAL, today(), null, "巡察组组长", null);
        return id;
    }

    public DataScope scope(String name) {
        return scopes.of(principal(name));
    }

    public RequestPostProcessor as(String name) {
        XunchaPrincipal p = principal(name);
        return SecurityMockMvcRequestPostProcessors.authentication(
                new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }

    public XunchaPrincipal principal(String name) {
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

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
