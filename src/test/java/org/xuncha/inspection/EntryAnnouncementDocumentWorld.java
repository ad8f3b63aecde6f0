package org.xuncha.inspection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.common.Role;
import org.xuncha.identity.PrincipalFactory;
import org.xuncha.testing.TestFixtures;

/**
 * A fictional city with counties A (xxxx02) and B (xxxx03), a body each, and helpers that insert terms, rounds,
 * inspections, targets, team members and announcements in plain SQL. Application contexts (and databases) are
 * shared between test classes, so every class passes a city code and a prefix of its own; regions and bodies that
 * exist already are reused.
 */
public final class EntryAnnouncementDocumentWorld {

    final JdbcClient jdbc;
    final TestFixtures fixtures;
    final String prefix;
    final String countyCodeA;
    public final long city;
    public final long countyA;
    public final long countyB;

    public EntryAnnouncementDocumentWorld(JdbcClient jdbc, PasswordEncoder encoder, String prefix, String cityCode) {
        this.jdbc = jdbc;
        this.fixtures = new TestFixtures(jdbc, encoder);
        this.prefix = prefix;
        String a = cityCode.substring(0, 4) + "02";
        String b = cityCode.substring(0, 4) + "03";
        countyCodeA = a;
        region(cityCode, "清江市", "CITY", null);
        region(a, "江北区", "COUNTY", cityCode);
        region(b, "江南区", "COUNTY", cityCode);
        city = body("清江市委巡察机构", cityCode, "CITY", null);
        countyA = body("江北区委巡察机构", a, "COUNTY", city);
        countyB = body("江南区委巡察机构", b, "COUNTY", city);
    }

    private void region(String code, String name, String level, String parent) {
        if (jdbc.sql("SELECT count(*) FROM region WHERE code = :c").param("c", code).query(Long.class).single() == 0) {
            fixtures.region(code, name, level, parent);
        }
    }

    private long body(String name, String region, String level, Long parent) {
        return jdbc.sql("SELECT id FROM inspection_body WHERE region_code = :r").param("r", region).query(Long.class)
                .optional().orElseGet(() -> fixtures.body(name, region, level, parent));
    }

    long organization(String code, String name, long body) {
        return fixtures.organization(prefix + code, name, body, countyCodeA, null);
    }

    long inspector(String code, String name, long body) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return insert("""
                INSERT INTO inspector (code, name, id_number_sealed, id_number_index, body_id, rank, residence_code,
                                       workplace_code, hometown_code, created_at, updated_at)
                VALUES (:code, :name, 'sealed', :index, :body, 'SECTION_CHIEF', '110101', '110101', '110101', :now, :now)
                """, new Object[] {"code", prefix + code, "name", name,
                "index", prefix + "-index-" + code, "body", body, "now", now});
    }

    public long account(String username, Role role, long body) {
        return fixtures.account(prefix + username, role, body, null);
    }

    long round(long body) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long term = insert("""
                INSERT INTO term (body_id, name, first_year, last_year, plan_status, created_at)
                VALUES (:body, :name, 2022, 2026, 'DRAFT', :now)
                """, new Object[] {"body", body, "name", prefix + "届", "now", now});
        return insert("""
                INSERT INTO inspection_round (body_id, term_id, ordinal, name, planned_station_on, planned_withdraw_on,
                                              created_at)
                VALUES (:body, :term, 1, '第一轮', :from, :to, :now)
                """, new Object[] {"body", body, "term", term, "from", LocalDate.of(2026, 3, 2),
                "to", LocalDate.of(2026, 4, 30), "now", now});
    }

    long inspection(long body, long round, String teamName, InspectionStage stage) {
        return insert("""
                INSERT INTO inspection (body_id, round_id, team_name, mode, special_topic, stage, stationed_on,
                                        created_at)
                VALUES (:body, :round, :team, 'SPECIAL', '乡村振兴', :stage, :stationed, :now)
                """, new Object[] {"body", body, "round", round, "team", teamName, "stage", stage.name(),
                "stationed", stage.reached(InspectionStage.STATIONED) ? LocalDate.of(2026, 3, 2) : null,
                "now", OffsetDateTime.now(ZoneOffset.UTC)});
    }

    void target(long inspection, long organization) {
        jdbc.sql("INSERT INTO inspection_target (inspection_id, organization_id) VALUES (:i, :o)")
                .param("i", inspection).param("o", organization).update();
    }

    void member(long inspection, long inspector, String teamRole, Long account) {
        jdbc.sql("""
                INSERT INTO team_member (inspection_id, inspector_id, team_role, user_id, joined_at)
                VALUES (:i, :p, :r, :u, :now)
                """).param("i", inspection).param("p", inspector).param("r", teamRole)
                .param("u", account, java.sql.Types.BIGINT).param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
    }

    void announce(long inspection, String channelCode) {
        jdbc.sql("""
                INSERT INTO entry_announcement (inspection_id, phone, mailbox, accepts, period_from, period_to,
                                                cut_off_on, channel_code, channel_open)
                VALUES (:i, '0591-87654321', '清江市A001号邮政信箱', :accepts, :from, :to, :cut, :code, :open)
                """).param("i", inspection).param("accepts", "违反中央八项规定精神问题；\n群众身边的不正之风和腐败问题")
                .param("from", LocalDate.of(2026, 3, 2)).param("to", LocalDate.of(2026, 4, 30))
                .param("cut", LocalDate.of(2026, 4, 25)).param("code", channelCode, java.sql.Types.VARCHAR)
                .param("open", channelCode != null).update();
    }

    private long insert(String sql, Object[] params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i += 2) {
            Object value = params[i + 1];
            spec = value == null ? spec.param((String) params[i], null, java.sql.Types.DATE)
                    : spec.param((String) params[i], value);
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        spec.update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Signs in as an account that exists (its id is what team membership and the data scope look up). */
    public static RequestPostProcessor as(long accountId, Role role, long body) {
        var principal = PrincipalFactory.create(accountId, "account-" + accountId, "用户" + accountId, "x",
                Set.of(role), body, null, null, true, false);
        return SecurityMockMvcRequestPostProcessors.authentication(
                new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities()));
    }
}
