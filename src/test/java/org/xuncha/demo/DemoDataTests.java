package org.xuncha.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.XunchaApplication;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.platform.crypto.KeyedHash;
import org.xuncha.testing.TestDatabaseEnvironment;

/**
 * {@code generate} against a real database (H2, or PostgreSQL with the flag): what it writes, that it writes
 * it the same way twice, all or nothing, only once, and that the demo accounts work.
 */
// A context (and database) of its own: the shared test context's database holds other tests' fixtures, and
// the 2,000 organizations written here must not leak into them.
@SpringBootTest(properties = "xuncha.test.context=demo-data")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired DemoDataLoader loader;
    @Autowired FieldCipher cipher;
    @Autowired KeyedHash hashes;

    int exitCode;
    String printed;

    @BeforeAll
    void generateWithTheDefaultSeed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exitCode = new GenerateCommand(loader, new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                .run(List.of("--scale=city"));
        printed = out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsWhatItCreatedAndTheAccounts() {
        assertThat(exitCode).isZero();
        assertThat(printed).contains("巡察干部：400 人", "6 个县区", "Xuncha@2026", "office-369902", "sec-admin");
    }

    @Test
    void writesTheStatedAmounts() {
        assertThat(count("SELECT count(*) FROM region WHERE level = 'CITY'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM region WHERE level = 'COUNTY'")).isEqualTo(6);
        assertThat(count("SELECT count(*) FROM region WHERE level = 'TOWNSHIP'")).isBetween(90L, 110L);
        assertThat(count("SELECT count(*) FROM region WHERE level = 'VILLAGE'")).isBetween(1300L, 1700L);
        assertThat(count("SELECT count(*) FROM party_organization WHERE sector NOT IN ('TOWNSHIP', 'VILLAGE')"))
                .isBetween(650L, 750L);
        assertThat(count("SELECT count(*) FROM party_organization WHERE sector = 'VILLAGE'"))
                .isEqualTo(count("SELECT count(*) FROM region WHERE level = 'VILLAGE'"));
        assertThat(count("SELECT count(*) FROM inspection_body WHERE level = 'CITY' AND parent_id IS NULL")).isEqualTo(1);
        assertThat(count("""
                SELECT count(*) FROM inspection_body c JOIN inspection_body p ON p.id = c.parent_id
                WHERE c.level = 'COUNTY' AND p.level = 'CITY' AND c.quota >= c.staffed AND c.standing_teams > 0
                """)).isEqualTo(6);
        assertThat(count("SELECT count(*) FROM inspector")).isEqualTo(400);
        assertThat(count("SELECT count(*) FROM inspector WHERE can_lead")).isBetween(60L, 100L);
        assertThat(count("SELECT count(*) FROM inspector i WHERE NOT EXISTS (SELECT 1 FROM inspector_skill s WHERE s.inspector_id = i.id)"))
                .as("every inspector has a skill").isZero();
        assertThat(count("SELECT count(*) FROM inspector i WHERE NOT EXISTS (SELECT 1 FROM inspector_posting s WHERE s.inspector_id = i.id)"))
                .as("every inspector has a posting").isZero();
        assertThat(count("SELECT count(DISTINCT inspector_id) FROM inspector_absence")).isBetween(20L, 80L);
        assertThat(count("SELECT count(DISTINCT inspector_id) FROM inspector_relative")).isBetween(10L, 60L);
        assertThat(count("SELECT count(DISTINCT inspector_id) FROM inspector_assignment")).isBetween(90L, 190L);
        // most inspectors of a county work, live and grew up in it
        assertThat(count("""
                SELECT count(*) FROM inspector i JOIN inspection_body b ON b.id = i.body_id
                WHERE b.level = 'COUNTY' AND i.workplace_code = b.region_code AND substring(i.residence_code, 1, 6) = b.region_code
                """)).isBetween(200L, 270L);
        assertThat(count("SELECT count(*) FROM audit_record WHERE action = 'DEMO_DATA_GENERATED' AND result = 'SUCCESS'"))
                .isEqualTo(1);
    }

    @Test
    void identityNumbersAreSealedValidAndBlindIndexed() {
        var rows = jdbc.sql("SELECT id_number_sealed, id_number_index, gender FROM inspector ORDER BY code")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        assertThat(rows).hasSize(400);
        for (int i = 0; i < rows.size(); i += 7) {
            String[] row = rows.get(i);
            assertThat(row[0]).doesNotContainPattern("\\d{17}[\\dX]");
            String number = cipher.open("inspector.id_number", row[0]);
            assertThat(DemoWorldTests.validGb11643(number)).as("GB 11643").isTrue();
            assertThat(row[1]).isEqualTo(hashes.blindIndex("inspector.id_number", number));
            assertThat((number.charAt(16) - '0') % 2 == 1).isEqualTo("MALE".equals(row[2]));
        }
    }

    @Test
    void refusesASecondRunAndWritesNothing() {
        long organizations = count("SELECT count(*) FROM party_organization");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new GenerateCommand(loader, System.out, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of("--seed=99"));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("已有 7 个巡察机构", "未写入");
        assertThat(count("SELECT count(*) FROM party_organization")).isEqualTo(organizations);
        assertThat(count("SELECT count(*) FROM inspection_body")).isEqualTo(7);
    }

    @Test
    void rejectsBadArguments() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        GenerateCommand command = new GenerateCommand(loader, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(command.run(List.of("--scale=country"))).isEqualTo(2);
        assertThat(command.run(List.of("--seed=abc"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("city 或 province", "种子应为整数");
    }

    /** Written by hand from the brief, not from the generator. */
    static final Map<String, String> ROLE_OF = Map.ofEntries(
            Map.entry("office", "OFFICE"), Map.entry("leader", "LEADER"), Map.entry("team-leader", "TEAM_LEADER"),
            Map.entry("team-member", "TEAM_MEMBER"), Map.entry("target", "TARGET"),
            Map.entry("discipline", "DISCIPLINE"), Map.entry("org-dept", "ORG_DEPT"),
            Map.entry("collaborator", "COLLABORATOR"), Map.entry("sys-admin", "SYS_ADMIN"),
            Map.entry("sec-admin", "SEC_ADMIN"), Map.entry("auditor", "AUDITOR"),
            Map.entry("office-369902", "OFFICE"), Map.entry("office-369903", "OFFICE"),
            Map.entry("office-369921", "OFFICE"), Map.entry("office-369922", "OFFICE"),
            Map.entry("office-369923", "OFFICE"), Map.entry("office-369981", "OFFICE"));

    @Test
    void demoAccountsSignInWithTheDemoPasswordAndHaveExactlyTheirRole() throws Exception {
        assertThat(jdbc.sql("SELECT username FROM user_account").query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(ROLE_OF.keySet());
        for (var entry : ROLE_OF.entrySet()) {
            mvc.perform(formLogin().user(entry.getKey()).password("Xuncha@2026"))
                    .andExpect(redirectedUrl("/"))
                    .andExpect(authenticated().withUsername(entry.getKey()).withAuthentication(auth ->
                            assertThat(auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                                    .filter(a -> a.startsWith("ROLE_")).toList())
                                    .as(entry.getKey()).containsExactly("ROLE_" + entry.getValue())));
        }
        mvc.perform(formLogin().user("office").password("Xuncha@2025")).andExpect(redirectedUrl("/login?error=bad"));
    }

    @Test
    void accountsAreBoundToTheirLevelAndTheTargetToACityOrganization() {
        assertThat(count("""
                SELECT count(*) FROM user_account u JOIN party_organization o ON o.id = u.organization_id
                JOIN inspection_body b ON b.id = o.body_id
                WHERE u.username = 'target' AND b.level = 'CITY' AND u.body_id = b.id
                """)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM user_account WHERE organization_id IS NOT NULL")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT department FROM user_account WHERE username = 'collaborator'").query(String.class)
                .single()).isEqualTo("清江市审计局");
        assertThat(count("""
                SELECT count(*) FROM user_account u JOIN inspection_body b ON b.id = u.body_id
                WHERE u.username LIKE 'office-%' AND b.level = 'COUNTY' AND u.username = 'office-' || b.region_code
                """)).isEqualTo(6);
        assertThat(count("""
                SELECT count(*) FROM user_account u JOIN inspection_body b ON b.id = u.body_id
                WHERE u.username NOT LIKE 'office-%' AND b.level = 'CITY'
                """)).isEqualTo(11);
    }

    @Test
    void theSameSeedGivesTheSameRowsInAnotherDatabaseAndTheServerLoadsItOnlyOnEmbeddedH2() {
        String here = digest(jdbc);
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(XunchaApplication.class)
                .web(WebApplicationType.NONE).run("--xuncha.demo.load-on-empty=true")) {
            JdbcClient otherJdbc = other.getBean(JdbcClient.class);
            long bodies = otherJdbc.sql("SELECT count(*) FROM inspection_body").query(Long.class).single();
            if (TestDatabaseEnvironment.postgres()) {
                assertThat(bodies).as("the server edition creates no demo data by itself").isZero();
                other.getBean(DemoDataLoader.class).generate(Scale.CITY, DemoDataLoader.DEMO_SEED);
            } else {
                assertThat(bodies).as("the demo city was loaded on first start").isEqualTo(7);
            }
            assertThat(digest(otherJdbc)).isEqualTo(here);
        }
    }

    @Test
    void aFailureHalfWayLeavesNothing() {
        List<DemoWorld.RegionRow> regions = DemoWorld.generate(Scale.CITY, DemoDataLoader.DEMO_SEED).regions();
        String lastVillage = regions.getLast().code();
        try (ConfigurableApplicationContext empty = new SpringApplicationBuilder(XunchaApplication.class)
                .web(WebApplicationType.NONE).profiles("command").run()) {
            JdbcClient db = empty.getBean(JdbcClient.class);
            db.sql("INSERT INTO region (code, name, level) VALUES (:c, '占位', 'VILLAGE')").param("c", lastVillage).update();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = new GenerateCommand(empty.getBean(DemoDataLoader.class), System.out,
                    new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of());
            assertThat(code).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("已全部回滚");
            assertThat(db.sql("SELECT count(*) FROM region").query(Long.class).single()).isEqualTo(1);
            for (String table : List.of("inspection_body", "party_organization", "inspector", "user_account")) {
                assertThat(db.sql("SELECT count(*) FROM " + table).query(Long.class).single()).as(table).isZero();
            }
            assertThat(db.sql("SELECT count(*) FROM audit_record WHERE action = 'DEMO_DATA_GENERATED'")
                    .query(Long.class).single()).isZero();
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /**
     * SHA-256 over the generated rows in a fixed order, with references by natural key (codes) rather than
     * database ids. Sealed identity numbers are left out (their nonces differ per run); their blind indexes
     * are in. Timestamps and password hashes are left out.
     */
    static String digest(JdbcClient db) {
        List<String> queries = List.of(
                "SELECT code, name, level, parent_code FROM region ORDER BY code",
                """
                SELECT b.region_code, b.name, b.level, p.region_code, b.standing_teams, b.quota, b.staffed
                FROM inspection_body b LEFT JOIN inspection_body p ON p.id = b.parent_id ORDER BY b.region_code
                """,
                """
                SELECT o.code, o.name, o.kind, o.sector, o.region_code, p.code, b.region_code, o.leading_cadre, o.active
                FROM party_organization o LEFT JOIN party_organization p ON p.id = o.parent_id
                JOIN inspection_body b ON b.id = o.body_id ORDER BY o.code
                """,
                """
                SELECT i.code, i.name, i.gender, i.id_number_index, b.region_code, i.employer, i.post, i.rank,
                       i.residence_code, i.workplace_code, i.hometown_code, i.can_lead, i.active
                FROM inspector i JOIN inspection_body b ON b.id = i.body_id ORDER BY i.code
                """,
                """
                SELECT i.code, x.region_code, x.post, x.from_year, x.to_year FROM inspector_posting x
                JOIN inspector i ON i.id = x.inspector_id ORDER BY i.code, x.from_year, x.region_code
                """,
                "SELECT i.code, x.skill FROM inspector_skill x JOIN inspector i ON i.id = x.inspector_id ORDER BY i.code, x.skill",
                """
                SELECT i.code, x.starts_on, x.ends_on, x.reason FROM inspector_absence x
                JOIN inspector i ON i.id = x.inspector_id ORDER BY i.code, x.starts_on
                """,
                """
                SELECT i.code, o.code, x.relation FROM inspector_relative x JOIN inspector i ON i.id = x.inspector_id
                JOIN party_organization o ON o.id = x.organization_id ORDER BY i.code, o.code
                """,
                """
                SELECT i.code, o.code, x.assigned_year, x.team_role FROM inspector_assignment x
                JOIN inspector i ON i.id = x.inspector_id JOIN party_organization o ON o.id = x.organization_id
                ORDER BY i.code, o.code, x.assigned_year
                """,
                """
                SELECT u.username, u.display_name, b.region_code, o.code, u.department, r.role FROM user_account u
                JOIN user_role r ON r.user_account = u.id LEFT JOIN inspection_body b ON b.id = u.body_id
                LEFT JOIN party_organization o ON o.id = u.organization_id ORDER BY u.username, r.role
                """);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String sql : queries) {
                List<String> lines = new ArrayList<>();
                db.sql(sql).query(rs -> {
                    StringBuilder line = new StringBuilder();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        line.append(rs.getString(c)).append('\u001f');
                    }
                    lines.add(line.toString());
                });
                assertThat(lines).as(sql).isNotEmpty();
                sha.update(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
