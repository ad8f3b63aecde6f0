package org.xuncha.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.Role;
import org.xuncha.common.UserId;
import org.xuncha.identity.PrincipalFactory;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.people.TeamRole;
import org.xuncha.testing.TestClock;
import org.xuncha.testing.TestFixtures;

/**
 * A fictional city for inspection tests, under its own four-digit city code so test classes sharing a context
 * (and a database) never collide: a city body with counties A (..02) and B (..03), county C (..04) without a body;
 * a term and a round for each body; organizations:
 * <ul>
 *   <li>city: {@code c1} (机关部门, city region), {@code c2} (学校, city region)</li>
 *   <li>A: {@code a1} township (A001), {@code a2} village under a1 (A001001), {@code a3} department (A),
 *       {@code a4} another township's village, not under a1 (A002001)</li>
 *   <li>B: {@code b1} township (B001), {@code b2} department (B)</li>
 * </ul>
 * Inspectors of each body live, work, grew up and held posts in county C unless a test makes one otherwise.
 */
public final class InspectionWorld {

    private static final AtomicInteger SEQ = new AtomicInteger();

    public final JdbcClient jdbc;
    public final Clock clock;
    public final TestFixtures f;
    public final String p;
    public final String cityCode;
    public final String countyA;
    public final String countyB;
    public final String countyC;
    public final long city;
    public final long bodyA;
    public final long bodyB;
    public final long c1;
    public final long c2;
    public final long a1;
    public final long a2;
    public final long a3;
    public final long a4;
    public final long b1;
    public final long b2;
    public final long cityTerm;
    public final long termA;
    public final long termB;
    public final long cityRound;
    public final long roundA;
    public final long roundB;
    public final int year;

    /** Dated by the suite's clock ({@link TestClock#suite()}). */
    public InspectionWorld(JdbcClient jdbc, PasswordEncoder encoder, String prefix, String city4) {
        this(jdbc, encoder, TestClock.suite(), prefix, city4);
    }

    /** Dated by {@code clock} (the context's): the year and the stamps are the business clock's. */
    public InspectionWorld(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, String prefix, String city4) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.f = new TestFixtures(jdbc, encoder, clock);
        this.p = prefix;
        cityCode = city4 + "00";
        countyA = city4 + "02";
        countyB = city4 + "03";
        countyC = city4 + "04";
        f.region(cityCode, "巡察测试市", "CITY", null);
        f.region(countyA, "甲县", "COUNTY", cityCode);
        f.region(countyB, "乙县", "COUNTY", cityCode);
        f.region(countyC, "丙县", "COUNTY", cityCode);
        f.region(countyA + "001", "甲县一镇", "TOWNSHIP", countyA);
        f.region(countyA + "001001", "甲县一镇一村", "VILLAGE", countyA + "001");
        f.region(countyA + "002", "甲县二镇", "TOWNSHIP", countyA);
        f.region(countyA + "002001", "甲县二镇一村", "VILLAGE", countyA + "002");
        f.region(countyB + "001", "乙县一镇", "TOWNSHIP", countyB);
        city = f.body(prefix + "市委巡察机构", cityCode, "CITY", null);
        bodyA = f.body(prefix + "甲县委巡察机构", countyA, "COUNTY", city);
        bodyB = f.body(prefix + "乙县委巡察机构", countyB, "COUNTY", city);
        c1 = f.organization(prefix + "C1", "测试市财政局党组", "LEADING_PARTY_GROUP", "DEPARTMENT", city, cityCode, null);
        c2 = f.organization(prefix + "C2", "测试市第一中学党委", "PARTY_COMMITTEE", "SCHOOL", city, cityCode, null);
        a1 = f.organization(prefix + "A1", "甲县一镇党委", "PARTY_COMMITTEE", "TOWNSHIP", bodyA, countyA + "001", null);
        a2 = f.organization(prefix + "A2", "甲县一镇一村党支部", "BRANCH", "VILLAGE", bodyA, countyA + "001001", a1);
        a3 = f.organization(prefix + "A3", "甲县财政局党组", "LEADING_PARTY_GROUP", "DEPARTMENT", bodyA, countyA, null);
        a4 = f.organization(prefix + "A4", "甲县二镇一村党支部", "BRANCH", "VILLAGE", bodyA, countyA + "002001", null);
        b1 = f.organization(prefix + "B1", "乙县一镇党委", "PARTY_COMMITTEE", "TOWNSHIP", bodyB, countyB + "001", null);
        b2 = f.organization(prefix + "B2", "乙县财政局党组", "LEADING_PARTY_GROUP", "DEPARTMENT", bodyB, countyB, null);
        year = LocalDate.now(clock).getYear();
        cityTerm = term(city, "测试市第十二届");
        termA = term(bodyA, "甲县第十五届");
        termB = term(bodyB, "乙县第十五届");
        cityRound = round(city, cityTerm, 1, LocalDate.of(year, 3, 1));
        roundA = round(bodyA, termA, 1, LocalDate.of(year, 3, 1));
        roundB = round(bodyB, termB, 1, LocalDate.of(year, 3, 1));
    }

    public long term(long body, String name) {
        jdbc.sql("""
                INSERT INTO term (body_id, name, first_year, last_year, plan_status, created_at)
                VALUES (:b, :n, :f, :l, 'DRAFT', :now)
                """).param("b", body).param("n", name).param("f", year - 2).param("l", year + 2)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
        return jdbc.sql("SELECT max(id) FROM term WHERE body_id = :b").param("b", body).query(Long.class).single();
    }

    public long round(long body, long term, int ordinal, LocalDate station) {
        jdbc.sql("""
                INSERT INTO inspection_round (body_id, term_id, ordinal, name, planned_station_on, planned_withdraw_on,
                                              planned_feedback_on, created_at)
                VALUES (:b, :t, :o, :n, :s, :w, :fb, :now)
                """).param("b", body).param("t", term).param("o", ordinal).param("n", "第" + ordinal + "轮")
                .param("s", station).param("w", station.plusDays(45)).param("fb", station.plusDays(90))
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
        return jdbc.sql("SELECT id FROM inspection_round WHERE term_id = :t AND ordinal = :o").param("t", term)
                .param("o", ordinal).query(Long.class).single();
    }

    /** An active inspector of the body, every place in county C unless given; returns its id. */
    public long inspector(long body, boolean canLead, String residence, String workplace, String hometown) {
        String code = (p + "P" + SEQ.incrementAndGet()).toUpperCase(java.util.Locale.ROOT).replace('_', '-');
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO inspector (code, name, id_number_sealed, id_number_index, body_id, rank, residence_code,
                                       workplace_code, hometown_code, can_lead, active, created_at, updated_at)
                VALUES (:code, :name, 'sealed', :idx, :body, 'SECTION_CHIEF', :res, :work, :home, :lead, TRUE, :now, :now)
                """).param("code", code).param("name", "测试" + code).param("idx", "idx-" + code).param("body", body)
                .param("res", residence == null ? countyC : residence).param("work", workplace == null ? countyC : workplace)
                .param("home", hometown == null ? countyC : hometown).param("lead", canLead).param("now", now).update();
        return jdbc.sql("SELECT id FROM inspector WHERE code = :c").param("c", code).query(Long.class).single();
    }

    public long inspector(long body, boolean canLead) {
        return inspector(body, canLead, null, null, null);
    }

    public void posting(long inspector, String region) {
        jdbc.sql("INSERT INTO inspector_posting (inspector_id, region_code, post) VALUES (:i, :r, '副镇长')")
                .param("i", inspector).param("r", region).update();
    }

    /** Records the inspector's employing organization (工作单位 in the organization tree). */
    public void employer(long inspector, long organization) {
        jdbc.sql("UPDATE inspector SET employer_organization_id = :o WHERE id = :i")
                .param("i", inspector).param("o", organization).update();
    }

    /** A posting to an organization (in county C's division, so that only the organization can conflict). */
    public void postedAt(long inspector, long organization, Integer from, Integer to) {
        jdbc.sql("INSERT INTO inspector_posting (inspector_id, region_code, post, from_year, to_year, organization_id)"
                        + " VALUES (:i, :r, '科员', :f, :t, :o)")
                .param("i", inspector).param("r", countyC).param("f", from).param("t", to).param("o", organization)
                .update();
    }

    public void relative(long inspector, long organization) {
        jdbc.sql("INSERT INTO inspector_relative (inspector_id, organization_id, relation) VALUES (:i, :o, 'SPOUSE')")
                .param("i", inspector).param("o", organization).update();
    }

    public void absence(long inspector, LocalDate from, LocalDate to) {
        jdbc.sql("INSERT INTO inspector_absence (inspector_id, starts_on, ends_on, reason) VALUES (:i, :f, :t, '培训')")
                .param("i", inspector).param("f", from).param("t", to).update();
    }

    public long account(String suffix, Role role, long body) {
        return f.account(p.toLowerCase(java.util.Locale.ROOT) + "-" + suffix + "-" + SEQ.incrementAndGet(), role, body, null);
    }

    // ---- scopes as identity would build them --------------------------------------------------------------

    public DataScope office(long body) {
        Set<BodyId> readable = body == city ? Set.of(BodyId.of(city), BodyId.of(bodyA), BodyId.of(bodyB))
                : Set.of(BodyId.of(body));
        return new DataScope(UserId.of(7_100_000 + body), Set.of(Role.OFFICE), BodyId.of(body), readable,
                Set.of(BodyId.of(body)), null, Set.of(), null);
    }

    public DataScope leader(long body) {
        return new DataScope(UserId.of(7_200_000 + body), Set.of(Role.LEADER), BodyId.of(body), Set.of(BodyId.of(body)),
                Set.of(), null, Set.of(), null);
    }

    public DataScope team(Role role, long body, long... inspections) {
        Set<InspectionId> ids = new java.util.HashSet<>();
        for (long i : inspections) {
            ids.add(InspectionId.of(i));
        }
        return new DataScope(UserId.of(7_300_000 + body), Set.of(role), BodyId.of(body), Set.of(BodyId.of(body)),
                Set.of(), null, ids, null);
    }

    public static RequestPostProcessor as(long accountId, Role role, Long body) {
        XunchaPrincipal principal = PrincipalFactory.create(accountId, "user-" + accountId, "用户" + accountId, "x",
                Set.of(role), body, role == Role.TARGET ? 1L : null, role == Role.COLLABORATOR ? "测试审计局" : null,
                true, false);
        return SecurityMockMvcRequestPostProcessors.authentication(
                new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities()));
    }

    // ---- building inspections -----------------------------------------------------------------------------

    public static InspectionDraft draft(long round, String team, List<String> codes) {
        return new InspectionDraft(round, team, codes, InspectionMode.REGULAR, null, null, Set.of(), null, null, null,
                List.of());
    }

    public EntryAnnouncementDraft announcement() {
        return new EntryAnnouncementDraft("0591-12345678", "测试市邮政信箱001号", null, LocalDate.of(year, 3, 1),
                LocalDate.of(year, 4, 15), LocalDate.of(year, 4, 10), null);
    }

    /** An inspection of {@code codes} in the round, with a leader (and a member) and its announcement, PREPARING. */
    public InspectionId ready(Inspections inspections, TeamMemberships memberships, EntryAnnouncements announcements,
                              long body, long round, String team, String... codes) {
        DataScope office = office(body);
        InspectionId id = inspections.create(office, draft(round, team, List.of(codes)));
        memberships.assignMember(office, id, org.xuncha.common.InspectorId.of(inspector(body, true)), TeamRole.LEADER, null);
        announcements.save(office, id, announcement());
        return id;
    }

    /** Puts the inspection at {@code stage} through the service's own moves, by its office. */
    public void advance(Inspections inspections, InspectionStages stages, InspectionId id, InspectionStage stage) {
        DataScope office = office(jdbc.sql("SELECT body_id FROM inspection WHERE id = :id").param("id", id.value())
                .query(Long.class).single());
        LocalDate on = LocalDate.of(year, 3, 1);
        while (!inspections.get(office, id).stage().reached(stage)) {
            InspectionView v = inspections.get(office, id);
            on = on.plusDays(10);
            stages.moveTo(office, id, v.stage().next().orElseThrow(), v.version(), on, "测试推进");
        }
    }
}
