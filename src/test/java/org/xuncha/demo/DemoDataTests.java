package org.xuncha.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.XunchaApplication;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.RegionCode;
import org.xuncha.common.RegionLevel;
import org.xuncha.common.Role;
import org.xuncha.identity.DataScopes;
import org.xuncha.identity.PrincipalFactory;
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
            Map.entry("collaborator", "COLLABORATOR"), Map.entry("collaborator-petition", "COLLABORATOR"),
            Map.entry("collaborator-discipline", "COLLABORATOR"), Map.entry("sys-admin", "SYS_ADMIN"),
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
                """)).isEqualTo(13);
    }

    /**
     * The first start of the server on an empty database, in a second context (and database) of its own: on embedded
     * H2 it loads the demo city with the same seed, giving the same rows as the generation above; on PostgreSQL (the
     * server edition) it loads nothing, and the city is generated there by hand for the comparison. The same start,
     * a real web server (SERVLET, random port), also checks that the server does not take a request before the demo
     * accounts exist, or the first person to try the printed accounts is told the password is wrong: the listener
     * looks at the database at the moment the server has opened its port (Boot's
     * {@link ServletWebServerInitializedEvent}); loading the demo after that point, as an {@code ApplicationRunner}
     * does, fails it. (One start for both checks: each start on H2 writes the whole city.)
     */
    @Test
    void theSameSeedGivesTheSameRowsInAnotherDatabaseAndTheServerLoadsItOnlyOnEmbeddedH2BeforeItServes()
            throws Exception {
        String here = digest(jdbc);
        AtomicLong accountsWhenServing = new AtomicLong(-1);
        AtomicLong port = new AtomicLong();
        ApplicationListener<ServletWebServerInitializedEvent> serving = event -> {
            port.set(event.getWebServer().getPort());
            accountsWhenServing.set(event.getApplicationContext().getBean(JdbcClient.class)
                    .sql("SELECT count(*) FROM user_account WHERE username IN ('office', 'team-leader', 'sys-admin')")
                    .query(Long.class).single());
        };
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(XunchaApplication.class)
                .web(WebApplicationType.SERVLET).listeners(serving)
                .run("--xuncha.demo.load-on-empty=true", "--server.port=0")) {
            assertThat(port.get()).as("the web server started").isPositive();
            JdbcClient otherJdbc = other.getBean(JdbcClient.class);
            long bodies = otherJdbc.sql("SELECT count(*) FROM inspection_body").query(Long.class).single();
            if (TestDatabaseEnvironment.postgres()) {
                assertThat(accountsWhenServing.get()).as("the server edition creates no demo accounts").isZero();
                assertThat(bodies).as("the server edition creates no demo data by itself").isZero();
            } else {
                assertThat(accountsWhenServing.get())
                        .as("demo accounts in the database when the web server opened its port").isEqualTo(3);
                assertThat(bodies).as("the demo city was loaded on first start").isEqualTo(7);
            }
            HttpResponse<String> login = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.get() + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("巡察工作综合管理平台", "name=\"username\"");
            if (TestDatabaseEnvironment.postgres()) {
                other.getBean(DemoDataLoader.class).generate(Scale.CITY, DemoDataLoader.DEMO_SEED);
            }
            assertThat(digest(otherJdbc)).isEqualTo(here);
        }
    }

    @Test
    void aFailureHalfWayLeavesNothing() {
        List<DemoWorld.RegionRow> regions = DemoWorld.generate(Scale.CITY, DemoDataLoader.DEMO_SEED).regions();
        String lastVillage = regions.get(regions.size() - 1).code();
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

    // ---- planning (届期规划与巡察), checked from the rows, independently of the generator ----------------------

    @Autowired DataScopes scopes;

    /** The day the rows were generated for: the business clock's date, as the loader took it. */
    LocalDate today() {
        return loader.today();
    }

    @Test
    void everyBodyHasAnApprovedCurrentTermPlanningAllItsOrganizations() {
        assertThat(count("SELECT count(*) FROM term WHERE plan_status = 'APPROVED' AND approved_at IS NOT NULL"))
                .isEqualTo(count("SELECT count(*) FROM term")).isGreaterThanOrEqualTo(7);
        assertThat(count("""
                SELECT count(*) FROM term t WHERE (SELECT count(*) FROM term_plan_change c
                                                   WHERE c.term_id = t.id AND c.change_kind = 'APPROVED') <> 1
                """)).as("one APPROVED change per term").isZero();
        assertThat(count("""
                SELECT count(*) FROM party_organization o JOIN term t ON t.body_id = o.body_id
                WHERE o.active AND t.first_year = (SELECT max(first_year) FROM term x WHERE x.body_id = t.body_id)
                  AND NOT EXISTS (SELECT 1 FROM term_plan_entry e WHERE e.term_id = t.id AND e.organization_id = o.id)
                """)).as("active organizations missing from their body's current plan").isZero();
        assertThat(count("SELECT count(*) FROM term_plan_entry e JOIN party_organization o ON o.id = e.organization_id WHERE o.sector = 'VILLAGE'"))
                .as("villages are planned too").isGreaterThan(1000);
    }

    @Test
    void everyStageIsPresentAndTheRoundInProgressHasTeamsPreparingStationedAndReporting() {
        assertThat(jdbc.sql("SELECT DISTINCT stage FROM inspection").query(String.class).list())
                .containsExactlyInAnyOrder("PREPARING", "STATIONED", "REPORTING", "FEEDBACK", "RECTIFYING", "CLOSED");
        assertThat(jdbc.sql("""
                SELECT DISTINCT i.stage FROM inspection i JOIN inspection_round r ON r.id = i.round_id
                JOIN inspection_body b ON b.id = i.body_id
                WHERE b.region_code = '369900' AND r.actual_withdraw_on IS NULL AND r.actual_station_on IS NOT NULL
                """).query(String.class).list()).containsExactlyInAnyOrder("PREPARING", "STATIONED", "REPORTING");
        for (String form : List.of("form_cross", "form_elevated", "form_extended")) {
            assertThat(count("SELECT count(*) FROM inspection WHERE " + form)).as(form).isPositive();
        }
        assertThat(count("""
                SELECT count(*) FROM inspection i JOIN inspection_target t ON t.inspection_id = i.id
                JOIN party_organization o ON o.id = t.organization_id
                WHERE i.form_cross AND (i.team_county_code IS NULL OR substring(o.region_code, 1, 6) = i.team_county_code)
                """)).as("a cross team never comes from the target's county").isZero();
        assertThat(count("""
                SELECT count(*) FROM inspection i JOIN inspection_target t ON t.inspection_id = i.id
                JOIN party_organization o ON o.id = t.organization_id
                WHERE i.form_elevated AND o.body_id = i.body_id
                """)).as("elevated: the inspecting body is above the target's own").isZero();
        assertThat(count("""
                SELECT count(*) FROM inspection i JOIN inspection_target t ON t.inspection_id = i.id
                JOIN party_organization v ON v.id = t.organization_id
                WHERE t.extended_from IS NOT NULL AND (NOT i.form_extended OR v.parent_id <> t.extended_from
                      OR NOT EXISTS (SELECT 1 FROM inspection_target m WHERE m.inspection_id = i.id
                                     AND m.organization_id = t.extended_from))
                """)).as("extension units hang under a main target of the same inspection").isZero();
        assertThat(count("SELECT count(*) FROM inspection WHERE mode = 'SPECIAL' AND special_topic IS NOT NULL")).isPositive();
        assertThat(count("SELECT count(*) FROM inspection WHERE mode = 'SPECIAL' AND special_topic IS NULL")).isZero();
        assertThat(count("SELECT count(*) FROM inspection WHERE mode = 'LOOK_BACK'")).isPositive();
        assertThat(count("""
                SELECT count(*) FROM inspection i WHERE i.mode = 'LOOK_BACK' AND NOT EXISTS (
                  SELECT 1 FROM inspection e JOIN inspection_target et ON et.inspection_id = e.id
                  JOIN inspection_target it ON it.inspection_id = i.id AND it.organization_id = et.organization_id
                  WHERE e.id = i.look_back_of AND e.stationed_on < i.stationed_on)
                """)).as("a look-back names an earlier inspection of its target").isZero();
    }

    @Test
    void stageDatesAreOrderedAndTheStageHistoryLeadsStepByStepToTheStage() {
        List<String> stages = List.of("PREPARING", "STATIONED", "REPORTING", "FEEDBACK", "RECTIFYING", "CLOSED");
        Map<Long, List<String[]>> history = new HashMap<>();
        jdbc.sql("SELECT inspection_id, from_stage, to_stage, effective_on FROM inspection_stage_change ORDER BY inspection_id, to_stage")
                .query(rs -> {
                    history.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                });
        LocalDate today = today();
        jdbc.sql("SELECT id, stage, stationed_on, withdrawn_on, feedback_on, closed_on FROM inspection").query(rs -> {
            long id = rs.getLong(1);
            int reached = stages.indexOf(rs.getString(2));
            LocalDate[] on = {null, date(rs, 3), date(rs, 4), date(rs, 5), null, date(rs, 6)};
            List<String[]> moves = new ArrayList<>(history.getOrDefault(id, List.of()));
            moves.sort(java.util.Comparator.comparing(m -> stages.indexOf(m[1])));
            assertThat(moves).as("moves of " + id).hasSize(reached);
            LocalDate previous = null;
            for (int s = 1; s < stages.size(); s++) {
                if (s <= reached) {
                    String[] move = moves.get(s - 1);
                    assertThat(move[0] + ">" + move[1]).isEqualTo(stages.get(s - 1) + ">" + stages.get(s));
                    LocalDate effective = LocalDate.parse(move[2]);
                    assertThat(effective).as("stage " + stages.get(s) + " of " + id).isBeforeOrEqualTo(today);
                    if (previous != null) {
                        assertThat(effective).isAfterOrEqualTo(previous);
                    }
                    if (on[s] != null || s != 4) {
                        assertThat(on[s]).as(stages.get(s) + " date of " + id).isEqualTo(effective);
                    }
                    previous = effective;
                } else if (s != 4) {
                    assertThat(on[s]).as(stages.get(s) + " date of " + id + " not reached").isNull();
                }
            }
        });
    }

    @Test
    void finishedRoundsCoverPartOfEveryCurrentPlan() {
        long covered = count("""
                SELECT count(DISTINCT e.id) FROM term_plan_entry e
                JOIN inspection_target t ON t.organization_id = e.organization_id
                JOIN inspection i ON i.id = t.inspection_id
                JOIN inspection_round r ON r.id = i.round_id AND r.term_id = e.term_id
                WHERE i.stage IN ('FEEDBACK', 'RECTIFYING', 'CLOSED')
                """);
        long planned = count("SELECT count(*) FROM term_plan_entry");
        assertThat(covered).isPositive();
        assertThat(covered * 100 / planned).as("coverage %").isBetween(40L, 99L);
        assertThat(count("""
                SELECT count(*) FROM inspection_body b
                WHERE NOT EXISTS (SELECT 1 FROM inspection i WHERE i.body_id = b.id AND i.stage = 'CLOSED')
                """)).as("every body has closed inspections").isZero();
    }

    @Test
    void intakeAndStaffingHaveTheirRecordsOfTheInspectionsAsTheirListenersWouldHaveFiledThem() {
        assertThat(count("SELECT count(*) FROM intake_inspection"))
                .isEqualTo(count("SELECT count(*) FROM inspection WHERE stage <> 'PREPARING'")).isPositive();
        assertThat(count("""
                SELECT count(*) FROM intake_inspection ii JOIN inspection i ON i.id = ii.inspection_id
                WHERE ii.body_id = i.body_id AND ii.round_id = i.round_id AND ii.team_name = i.team_name
                  AND ii.stage = i.stage AND ii.form_cross = i.form_cross AND ii.stationed_on = i.stationed_on
                """)).isEqualTo(count("SELECT count(*) FROM intake_inspection"));
        assertThat(count("SELECT count(*) FROM petition p WHERE NOT EXISTS (SELECT 1 FROM intake_inspection ii"
                + " WHERE ii.inspection_id = p.inspection_id)")).as("petitions of unfiled inspections").isZero();
        assertThat(count("""
                SELECT count(*) FROM staffing_inspection s JOIN inspection i ON i.id = s.inspection_id
                WHERE s.body_id = i.body_id AND s.round_id = i.round_id AND s.stage = i.stage
                """)).isEqualTo(count("SELECT count(*) FROM inspection"));
        assertThat(count("""
                SELECT count(*) FROM staffing_team_seat s JOIN team_member m ON m.id = s.member_id
                WHERE s.inspection_id = m.inspection_id AND s.team_role = m.team_role
                  AND s.left_team = CASE WHEN m.left_at IS NULL THEN FALSE ELSE TRUE END
                """)).isEqualTo(count("SELECT count(*) FROM team_member")).isPositive();
    }

    @Test
    void teamsHaveFiveMembersOneLeaderWhoCanLeadAndNoOneOnTwoOverlappingInspections() {
        assertThat(count("""
                SELECT count(*) FROM inspection i JOIN inspection_body b ON b.id = i.body_id
                WHERE NOT (b.region_code = '369900' AND i.stage = 'PREPARING') AND (
                  (SELECT count(*) FROM team_member m WHERE m.inspection_id = i.id AND m.left_at IS NULL) <> 5
                  OR (SELECT count(*) FROM team_member m JOIN inspector p ON p.id = m.inspector_id
                      WHERE m.inspection_id = i.id AND m.team_role = 'LEADER' AND p.can_lead) <> 1
                  OR (SELECT count(*) FROM team_member m WHERE m.inspection_id = i.id AND m.team_role = 'LEADER') <> 1)
                """)).isZero();
        // the demo city's inspections in preparation await 巡察组组建
        assertThat(count("""
                SELECT count(*) FROM inspection i JOIN inspection_body b ON b.id = i.body_id
                WHERE b.region_code = '369900' AND i.stage = 'PREPARING'
                """)).isPositive();
        assertThat(count("""
                SELECT count(*) FROM team_member m JOIN inspection i ON i.id = m.inspection_id
                JOIN inspection_body b ON b.id = i.body_id WHERE b.region_code = '369900' AND i.stage = 'PREPARING'
                """)).isZero();
        LocalDate today = today();
        Map<Long, List<LocalDate[]>> periods = new HashMap<>();
        jdbc.sql("""
                SELECT m.inspector_id, i.stationed_on, i.withdrawn_on, r.planned_station_on, r.planned_withdraw_on
                FROM team_member m JOIN inspection i ON i.id = m.inspection_id JOIN inspection_round r ON r.id = i.round_id
                """).query(rs -> {
            // not yet stationed: from today at the earliest; not yet withdrawn: until the round's planned withdrawal
            LocalDate from = date(rs, 2) != null ? date(rs, 2) : later(today, date(rs, 4));
            LocalDate to = date(rs, 3) != null ? date(rs, 3) : date(rs, 5);
            periods.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new LocalDate[] {from, to});
        });
        periods.forEach((inspector, list) -> {
            list.sort(java.util.Comparator.comparing((LocalDate[] p) -> p[0]));
            for (int n = 1; n < list.size(); n++) {
                assertThat(list.get(n)[0]).as("inspector " + inspector + " on two teams at once").isAfter(list.get(n - 1)[1]);
            }
        });
    }

    @Test
    void avoidanceHoldsForEveryTeamMember() {
        Map<Long, List<RegionCode>> places = new HashMap<>();
        jdbc.sql("SELECT id, residence_code, workplace_code, hometown_code FROM inspector").query(rs -> {
            places.put(rs.getLong(1), new ArrayList<>(List.of(RegionCode.of(rs.getString(2)),
                    RegionCode.of(rs.getString(3)), RegionCode.of(rs.getString(4)))));
        });
        jdbc.sql("SELECT inspector_id, region_code FROM inspector_posting").query(rs -> {
            places.get(rs.getLong(1)).add(RegionCode.of(rs.getString(2)));
        });
        Set<String> relatives = new HashSet<>();
        jdbc.sql("SELECT inspector_id, organization_id FROM inspector_relative")
                .query(rs -> {
                    relatives.add(rs.getLong(1) + ":" + rs.getLong(2));
                });
        int[] checked = {0};
        jdbc.sql("""
                SELECT m.inspector_id, o.id, o.region_code, m.inspection_id FROM team_member m
                JOIN inspection_target t ON t.inspection_id = m.inspection_id
                JOIN party_organization o ON o.id = t.organization_id
                """).query(rs -> {
            long inspector = rs.getLong(1);
            RegionCode target = RegionCode.of(rs.getString(3));
            String where = "inspector " + inspector + " on inspection " + rs.getLong(4) + " target " + target;
            assertThat(relatives).as(where + ": declared relative").doesNotContain(inspector + ":" + rs.getLong(2));
            // the target's county; a city-level target (its code touches every county) is checked for relatives only
            if (target.level() != RegionLevel.CITY && target.level() != RegionLevel.PROVINCE) {
                RegionCode county = RegionCode.of(target.countyCode());
                for (RegionCode place : places.get(inspector)) {
                    assertThat(place.touches(county)).as(where + ": place " + place).isFalse();
                }
            }
            checked[0]++;
        });
        assertThat(checked[0]).isGreaterThan(10_000);
    }

    /**
     * Organization avoidance, checked here from the tables (not through the generator's rule): no member's employing
     * organization, posting organization or declared relative's organization is a target of their team or above or
     * below one in the tree; and the demo gives the rule work to do (inspectors employed by an inspected unit).
     */
    @Test
    void noTeamMemberIsTiedToATargetOrItsLineOfLeadership() {
        Map<Long, Long> parent = new HashMap<>();
        jdbc.sql("SELECT id, parent_id FROM party_organization WHERE parent_id IS NOT NULL")
                .query(rs -> {
                    parent.put(rs.getLong(1), rs.getLong(2));
                });
        Map<Long, Set<Long>> ties = new HashMap<>();
        jdbc.sql("SELECT id, employer_organization_id FROM inspector WHERE employer_organization_id IS NOT NULL")
                .query(rs -> {
                    ties.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
                });
        long employed = ties.size();
        jdbc.sql("SELECT inspector_id, organization_id FROM inspector_posting WHERE organization_id IS NOT NULL")
                .query(rs -> {
                    ties.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
                });
        jdbc.sql("SELECT inspector_id, organization_id FROM inspector_relative").query(rs -> {
            ties.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
        });
        java.util.function.Function<Long, Set<Long>> upwards = id -> {
            Set<Long> line = new HashSet<>();
            Long at = id;
            while (at != null && line.add(at)) {
                at = parent.get(at);
            }
            return line;
        };
        int[] checked = {0};
        jdbc.sql("""
                SELECT m.inspector_id, t.organization_id, m.inspection_id FROM team_member m
                JOIN inspection_target t ON t.inspection_id = m.inspection_id
                """).query(rs -> {
            long inspector = rs.getLong(1);
            long target = rs.getLong(2);
            Set<Long> aboveTarget = upwards.apply(target);
            for (long tie : ties.getOrDefault(inspector, Set.of())) {
                assertThat(aboveTarget.contains(tie) || upwards.apply(tie).contains(target))
                        .as("inspector %d on inspection %d: tie %d in the line of target %d", inspector, rs.getLong(3),
                                tie, target).isFalse();
            }
            checked[0]++;
        });
        assertThat(checked[0]).isGreaterThan(10_000);
        assertThat(employed).isGreaterThan(200);
        assertThat(jdbc.sql("SELECT count(*) FROM inspector_posting WHERE organization_id IS NOT NULL")
                .query(Long.class).single()).isGreaterThan(200);
        // the city's audit bureau has inspectors of its own, and it is inspected: the rule has work to do
        assertThat(jdbc.sql("""
                SELECT count(*) FROM inspector i JOIN party_organization o ON o.id = i.employer_organization_id
                WHERE o.name = '中共清江市审计局党组'
                """).query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("""
                SELECT count(DISTINCT t.inspection_id) FROM inspection_target t
                JOIN inspector i ON i.employer_organization_id = t.organization_id
                """).query(Long.class).single()).isPositive();
    }

    @Test
    void theTeamAccountsAreOnAStationedCityInspectionAndSeeItInTheirScope() {
        for (String username : List.of("team-leader", "team-member")) {
            var row = jdbc.sql("""
                    SELECT u.id, u.body_id, m.inspection_id, m.team_role, i.stage, b.region_code
                    FROM user_account u JOIN team_member m ON m.user_id = u.id JOIN inspection i ON i.id = m.inspection_id
                    JOIN inspection_body b ON b.id = i.body_id WHERE u.username = :u
                    """).param("u", username).query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3),
                    rs.getString(4), rs.getString(5), rs.getString(6)}).single();
            assertThat(row[4]).isEqualTo("STATIONED");
            assertThat(row[5]).isEqualTo("369900");
            assertThat(row[3]).isEqualTo(username.equals("team-leader") ? "LEADER" : "MEMBER");
            Role role = username.equals("team-leader") ? Role.TEAM_LEADER : Role.TEAM_MEMBER;
            var principal = PrincipalFactory.create((Long) row[0], username, username, "x", Set.of(role), (Long) row[1],
                    null, null, true, false);
            assertThat(scopes.of(principal).inspections()).containsExactly(InspectionId.of((Long) row[2]));
        }
    }

    @Autowired org.xuncha.staffing.TeamFormations formations;

    /**
     * The demo's 巡察组组建 walk-through works on the generated rows: the city office's round in progress staffs its
     * inspections in preparation from the 400-person pool with hard 0, and no seat would be refused on confirmation.
     * (Not confirmed here: other tests of this class read those inspections as generated.)
     */
    @Test
    void theDemoCityOfficeCanStaffItsRoundInPreparation() {
        Object[] office = jdbc.sql("SELECT id, body_id FROM user_account WHERE username = 'office'")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2)}).single();
        DataScope scope = scopes.of(PrincipalFactory.create((Long) office[0], "office", "office", "x", Set.of(Role.OFFICE),
                (Long) office[1], null, null, true, false));
        long round = jdbc.sql("""
                SELECT DISTINCT i.round_id FROM inspection i JOIN inspection_body b ON b.id = i.body_id
                WHERE b.region_code = '369900' AND i.stage = 'PREPARING'
                """).query(Long.class).single();
        org.xuncha.staffing.StaffingRunForm form = new org.xuncha.staffing.StaffingRunForm();
        form.setRound(round);
        form.setSeconds(20);
        long id = formations.startRun(scope, form);
        long until = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
        while (formations.get(scope, id).status() == org.xuncha.staffing.StaffingRunStatus.SOLVING && System.nanoTime() < until) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        var run = formations.get(scope, id);
        assertThat(run.status()).isIn(org.xuncha.staffing.StaffingRunStatus.SOLVED);
        assertThat(run.hardScore()).isZero();
        var review = formations.review(scope, id).orElseThrow();
        assertThat(review.teams()).hasSize((int) count("""
                SELECT count(*) FROM inspection i JOIN inspection_body b ON b.id = i.body_id
                WHERE b.region_code = '369900' AND i.stage = 'PREPARING'
                """));
        assertThat(review.problems()).as("seats the platform would refuse").isZero();
        assertThat(review.teams()).allSatisfy(t -> assertThat(t.seats()).hasSize(5));
    }

    @Test
    void announcementsHaveUnguessableChannelCodesOpenOnlyWhileStationed() {
        assertThat(count("""
                SELECT count(*) FROM inspection i LEFT JOIN entry_announcement a ON a.inspection_id = i.id
                WHERE (i.stage = 'PREPARING') <> (a.inspection_id IS NULL)
                """)).as("an announcement exactly from STATIONED on").isZero();
        assertThat(count("""
                SELECT count(*) FROM inspection i JOIN entry_announcement a ON a.inspection_id = i.id
                WHERE (i.stage = 'STATIONED') <> a.channel_open OR a.period_from <> i.stationed_on
                   OR a.cut_off_on > a.period_to
                """)).isZero();
        List<String> codes = jdbc.sql("SELECT channel_code FROM entry_announcement").query(String.class).list();
        assertThat(codes).isNotEmpty().allMatch(c -> c.matches("[a-z2-7]{26,32}"));
        assertThat(new HashSet<>(codes)).hasSameSizeAs(codes);
    }

    @Test
    void everyStationedInspectionHasPetitionsFromEveryChannelAtEveryStatusWithSealedIdentities() {
        List<Long> stationed = jdbc.sql("SELECT id FROM inspection WHERE stage = 'STATIONED'").query(Long.class).list();
        assertThat(stationed).isNotEmpty();
        for (long id : stationed) {
            assertThat(count("SELECT count(DISTINCT channel || '/' || status) FROM petition WHERE inspection_id = " + id))
                    .as("inspection " + id).isEqualTo(16);
        }
        assertThat(jdbc.sql("SELECT DISTINCT disposition FROM petition WHERE disposition IS NOT NULL")
                .query(String.class).list()).containsExactlyInAnyOrder("SELF", "DISCIPLINE", "OTHER_DEPARTMENT");
        assertThat(jdbc.sql("SELECT DISTINCT closure FROM petition WHERE closure IS NOT NULL").query(String.class).list())
                .hasSize(4);
        assertThat(jdbc.sql("SELECT count(*) FROM petition WHERE status <> 'CLOSED' AND due_on < :today")
                .param("today", today()).query(Long.class).single()).as("overdue on the generator's day").isPositive();
        assertThat(count("SELECT count(*) FROM petition WHERE disposition = 'DISCIPLINE' AND outcome IS NULL")).isPositive();
        assertThat(count("SELECT count(DISTINCT channel || '/' || disposition) FROM petition WHERE disposition IS NOT NULL"))
                .as("every channel meets every disposition").isEqualTo(4 * 3);
        assertThat(count("SELECT count(*) FROM petition WHERE due_on IS NULL AND status <> 'CLOSED'"))
                .as("open petitions without a deadline").isZero();
        assertThat(count("""
                SELECT count(*) FROM petition p WHERE (p.reply IS NOT NULL AND NOT EXISTS (SELECT 1 FROM petition_text_revision r
                    WHERE r.petition_id = p.id AND r.kind = 'REPLY' AND r.revision_text = p.reply))
                  OR (p.outcome IS NOT NULL AND NOT EXISTS (SELECT 1 FROM petition_text_revision r
                    WHERE r.petition_id = p.id AND r.kind = 'OUTCOME' AND r.revision_text = p.outcome))
                """)).as("replies and outcomes without their recorded version").isZero();
        assertThat(count("""
                SELECT count(*) FROM inspection i WHERE i.stage = 'STATIONED' AND NOT EXISTS (
                    SELECT 1 FROM petition p WHERE p.inspection_id = i.id AND p.disposition = 'OTHER_DEPARTMENT')
                """)).as("stationed inspections without a petition passed to another department").isZero();
        String sealed = jdbc.sql("SELECT reporter_phone_sealed FROM petition WHERE anonymous = FALSE ORDER BY id LIMIT 1")
                .query(String.class).single();
        assertThat(cipher.open("petition.reporter_phone", sealed)).matches("13\\d{9}");
        assertThat(sealed).doesNotStartWith("13");
    }

    /** The stationed and reporting inspections of the demo city (issue 12 §8). */
    private List<Long> onSite() {
        List<Long> ids = jdbc.sql("SELECT id FROM inspection WHERE stage IN ('STATIONED', 'REPORTING') ORDER BY id")
                .query(Long.class).list();
        assertThat(ids).isNotEmpty();
        return ids;
    }

    @Test
    void everyStationedAndReportingInspectionHasWorkLogsOfEveryKindWithTalksSealed() {
        for (long id : onSite()) {
            assertThat(jdbc.sql("SELECT DISTINCT kind FROM work_log WHERE inspection_id = :i").param("i", id)
                    .query(String.class).list()).as("inspection " + id).containsExactlyInAnyOrder("TALK", "VISIT",
                    "QUESTIONNAIRE", "RECORDS", "PERSONAL_MATTERS", "MEETING", "GRASSROOTS");
            assertThat(count("SELECT count(*) FROM work_log WHERE kind = 'TALK' AND inspection_id = " + id))
                    .as("talks of " + id).isBetween(10L, 70L);
            assertThat(count("SELECT count(*) FROM work_log WHERE status = 'WITHDRAWN' AND inspection_id = " + id))
                    .isEqualTo(1);
        }
        assertThat(count("SELECT count(*) FROM work_log WHERE kind = 'TALK' AND (interviewee_sealed IS NULL OR notes_sealed IS NULL)"))
                .isZero();
        assertThat(count("""
                SELECT count(*) FROM work_log WHERE kind = 'QUESTIONNAIRE'
                  AND (issued_count IS NULL OR returned_count IS NULL OR returned_count > issued_count)
                """)).isZero();
        assertThat(count("SELECT count(*) FROM work_log l WHERE NOT EXISTS (SELECT 1 FROM work_log_inspector p WHERE p.work_log_id = l.id)"))
                .as("logs without an inspector present").isZero();
        assertThat(count("""
                SELECT count(*) FROM work_log_inspector p JOIN work_log l ON l.id = p.work_log_id
                WHERE NOT EXISTS (SELECT 1 FROM team_member m WHERE m.inspection_id = l.inspection_id
                                  AND m.inspector_id = p.inspector_id)
                """)).as("inspectors present who are not on the team").isZero();
    }

    @Autowired org.xuncha.findings.worklog.TeamWorkLogs workLogs;

    @Test
    void theDemoTeamOpensItsTalksThroughTheApplicationAndTheDatabaseHoldsNoPlainText() throws Exception {
        Object[] leader = jdbc.sql("""
                SELECT u.id, u.body_id, m.inspection_id FROM user_account u JOIN team_member m ON m.user_id = u.id
                WHERE u.username = 'team-leader'
                """).query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        var principal = PrincipalFactory.create((Long) leader[0], "team-leader", "team-leader", "x",
                Set.of(Role.TEAM_LEADER), (Long) leader[1], null, null, true, false);
        DataScope scope = scopes.of(principal);
        long inspection = (Long) leader[2];
        long talk = jdbc.sql("SELECT min(id) FROM work_log WHERE kind = 'TALK' AND inspection_id = :i")
                .param("i", inspection).query(Long.class).single();
        var record = workLogs.openTalk(scope, talk);
        assertThat(record.intervieweeName()).matches("\\p{IsHan}{2,3}");
        assertThat(record.intervieweePost()).isNotBlank();
        assertThat(record.notes()).contains("，");
        String[] stored = jdbc.sql("SELECT interviewee_sealed, notes_sealed FROM work_log WHERE id = :id")
                .param("id", talk).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        assertThat(stored[0]).doesNotContain(record.intervieweeName());
        assertThat(stored[1]).doesNotContain(record.notes().substring(0, 4));

        // the team leader's page of working papers lists the generated papers with their numbers
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/working-papers").param("inspection", Long.toString(inspection))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(new org.springframework.security.authentication
                                        .UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities()))))
                .andReturn().getResponse().getContentAsString();
        String firstNo = jdbc.sql("SELECT paper_no FROM working_paper WHERE inspection_id = :i AND seq = 1")
                .param("i", inspection).query(String.class).single();
        assertThat(firstNo).matches("\\[20\\d\\d]清巡五组-01号");
        assertThat(page).contains(firstNo, "已审定", "待副组长审核", "待组长审批");

        // the lead page opens the sealed persons for the team (lead.Leads), and only for the team
        Object[] lead = jdbc.sql("""
                SELECT l.id, p.name_sealed FROM problem_lead l JOIN problem_lead_person p ON p.lead_id = l.id
                WHERE l.inspection_id = :i AND l.urgent AND p.position = 1
                """).param("i", inspection).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        String name = cipher.open("lead.person.name", (String) lead[1]);
        String leadPage = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/leads/" + lead[0])
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(new org.springframework.security.authentication
                                        .UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(leadPage).contains(name, "党组织书记");
        Object[] office = jdbc.sql("SELECT id, body_id FROM user_account WHERE username = 'office'")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2)}).single();
        var officer = PrincipalFactory.create((Long) office[0], "office", "office", "x", Set.of(Role.OFFICE),
                (Long) office[1], null, null, true, false);
        String officePage = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/leads/" + lead[0])
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(new org.springframework.security.authentication
                                        .UsernamePasswordAuthenticationToken(officer, null, officer.getAuthorities()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(officePage).contains("关于").doesNotContain(name);
    }

    @Test
    void workingPapersAreAtEveryApprovalStateWithStepsMatchingTheStatusAndTheCounterAtTheLastNumber() {
        for (long id : onSite()) {
            assertThat(jdbc.sql("SELECT DISTINCT status FROM working_paper WHERE inspection_id = :i").param("i", id)
                    .query(String.class).list()).as("inspection " + id).containsExactlyInAnyOrder("DRAFT", "SUBMITTED",
                    "DEPUTY_APPROVED", "APPROVED", "WITHDRAWN", "DISCARDED");
            assertThat(count("SELECT last_no FROM working_paper_counter WHERE inspection_id = " + id))
                    .isEqualTo(count("SELECT max(seq) FROM working_paper WHERE inspection_id = " + id))
                    .isEqualTo(count("SELECT count(*) FROM working_paper WHERE inspection_id = " + id));
            // a returned draft carries its reason, a withdrawn paper its reason and its approval before
            assertThat(count("""
                    SELECT count(*) FROM working_paper p JOIN working_paper_step s ON s.paper_id = p.id
                    WHERE p.inspection_id = %d AND p.status = 'DRAFT' AND s.from_status = 'SUBMITTED'
                      AND s.to_status = 'DRAFT' AND s.opinion IS NOT NULL""".formatted(id))).isEqualTo(1);
            assertThat(count("""
                    SELECT count(*) FROM working_paper p WHERE p.inspection_id = %d AND p.status = 'WITHDRAWN'
                      AND p.closing_reason IS NOT NULL AND p.approved_at IS NOT NULL""".formatted(id))).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM working_paper WHERE content_version = 2 AND inspection_id = " + id))
                    .as("an approved paper edited and back with the deputy").isEqualTo(1);
        }
        // the last step of every paper leads to its status, at its content version; every version is kept
        assertThat(count("""
                SELECT count(*) FROM working_paper p WHERE p.status <> (SELECT s.to_status FROM working_paper_step s
                    WHERE s.paper_id = p.id AND s.id = (SELECT max(x.id) FROM working_paper_step x WHERE x.paper_id = p.id))
                   OR p.content_version <> (SELECT max(v.version_no) FROM working_paper_version v WHERE v.paper_id = p.id)
                   OR p.row_version <> (SELECT count(*) - 1 FROM working_paper_step s WHERE s.paper_id = p.id)
                """)).isZero();
        assertThat(count("""
                SELECT count(*) FROM working_paper p
                WHERE (p.status IN ('APPROVED', 'WITHDRAWN') AND (p.approved_at IS NULL OR p.meeting_opinion IS NULL))
                   OR (p.status IN ('DRAFT', 'DEPUTY_APPROVED', 'DISCARDED') AND p.approved_at IS NOT NULL)
                """)).as("approval fields only on approved papers").isZero();
    }

    @Test
    void findingsComeFromApprovedPapersOverAllThreeSchemesWithTagsKeyProblemsAndRectification() {
        for (long id : onSite()) {
            assertThat(jdbc.sql("SELECT DISTINCT scheme FROM finding WHERE inspection_id = :i").param("i", id)
                    .query(String.class).list()).as("inspection " + id).containsExactlyInAnyOrder(
                    "FOUR_IMPLEMENTATIONS", "FOUR_FOCUSES", "THREE_ASPECTS");
        }
        assertThat(count("""
                SELECT count(*) FROM finding f JOIN working_paper p ON p.id = f.paper_id
                WHERE p.status <> 'APPROVED' OR p.inspection_id <> f.inspection_id
                """)).as("findings from papers not approved or of another inspection").isZero();
        assertThat(count("""
                SELECT count(*) FROM finding f JOIN finding_heading_item h ON h.id = f.heading_id
                WHERE h.scheme <> f.scheme OR COALESCE(h.parent_id, h.id) <> f.level1_id
                """)).as("headings outside the finding's scheme").isZero();
        assertThat(count("""
                SELECT count(*) FROM finding f WHERE NOT EXISTS (SELECT 1 FROM inspection_target t
                    WHERE t.inspection_id = f.inspection_id AND t.organization_id = f.organization_id)
                """)).as("findings on an organization the inspection does not inspect").isZero();
        assertThat(jdbc.sql("SELECT DISTINCT discipline FROM finding WHERE discipline IS NOT NULL").query(String.class)
                .list()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(count("SELECT count(*) FROM finding WHERE key_problem")).isPositive();
        assertThat(count("SELECT count(*) FROM finding WHERE rectified AND rectified_note IS NOT NULL")).isPositive();
        assertThat(count("SELECT count(*) FROM finding f WHERE NOT EXISTS (SELECT 1 FROM finding_topic t WHERE t.finding_id = f.id)"))
                .isZero();
    }

    @Autowired List<org.xuncha.platform.web.PendingWork> pendingWork;

    @Test
    void leadsHaveSealedPersonsAnUrgentOneWaitsForTheLeaderAndACrossOneIsAcknowledgedByBothGroups() {
        for (long id : onSite()) {
            assertThat(count("SELECT count(*) FROM problem_lead WHERE urgent AND status = 'REPORTED' AND inspection_id = " + id))
                    .as("inspection " + id).isEqualTo(1);
        }
        assertThat(count("""
                SELECT count(*) FROM problem_lead l JOIN working_paper p ON p.id = l.source_paper_id
                WHERE p.status <> 'APPROVED' OR p.inspection_id <> l.inspection_id
                """)).isZero();
        // the persons open under the lead module's contexts, with valid identity numbers and their blind index
        var persons = jdbc.sql("SELECT name_sealed, id_number_sealed, post_sealed, person_index FROM problem_lead_person")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list();
        assertThat(persons).isNotEmpty();
        for (String[] p : persons) {
            String name = cipher.open("lead.person.name", p[0]);
            String number = cipher.open("lead.person.id_number", p[1]);
            assertThat(name).matches("\\p{IsHan}{2,3}");
            assertThat(p[0]).doesNotContain(name);
            assertThat(DemoWorldTests.validGb11643(number)).isTrue();
            assertThat(cipher.open("lead.person.post", p[2])).isNotBlank();
            assertThat(p[3]).isEqualTo(hashes.blindIndex("lead.person", name + "|" + number));
        }
        // the city's leader finds the urgent leads of the city's teams in its 待办
        Object[] leader = jdbc.sql("SELECT id, body_id FROM user_account WHERE username = 'leader'")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2)}).single();
        DataScope scope = scopes.of(PrincipalFactory.create((Long) leader[0], "leader", "leader", "x",
                Set.of(Role.LEADER), (Long) leader[1], null, null, true, false));
        long expected = count("""
                SELECT count(*) FROM problem_lead l JOIN problem_lead_report r ON r.lead_id = l.id
                WHERE l.urgent AND l.status = 'REPORTED' AND r.acknowledged_at IS NULL AND r.body_id = %d
                """.formatted((Long) leader[1]));
        assertThat(expected).isPositive();
        assertThat(pendingWork.stream().flatMap(w -> w.pendingFor(scope).stream())
                .filter(i -> i.label().equals("紧急线索待阅")).mapToLong(org.xuncha.platform.web.PendingWork.Item::count)
                .sum()).isEqualTo(expected);
        // a CROSS inspection's reported lead went to its own body and the inspected county, both acknowledged
        assertThat(count("""
                SELECT count(*) FROM problem_lead l JOIN inspection i ON i.id = l.inspection_id
                WHERE i.form_cross AND l.status = 'REPORTED'
                  AND (SELECT count(*) FROM problem_lead_report r WHERE r.lead_id = l.id AND r.acknowledged_at IS NOT NULL
                       AND ((r.addressee = 'BODY' AND r.body_id = i.body_id)
                            OR (r.addressee = 'INSPECTED_COUNTY' AND r.body_id <> i.body_id))) = 2
                """)).isPositive();
    }

    // ---- issue 12 §8: the data comparison and the reports ----------------------------------------------------

    @Autowired org.xuncha.findings.comparison.Comparisons comparisons;
    @Autowired org.xuncha.findings.InspectionReports inspectionReports;

    @Test
    void theTeamLeadersInspectionHasADataComparisonWithMatchesStoredSealedAndCitedByAnApprovedPaper() {
        Object[] leader = jdbc.sql("""
                SELECT u.id, u.body_id, m.inspection_id, b.region_code FROM user_account u
                JOIN team_member m ON m.user_id = u.id JOIN inspection_body b ON b.id = u.body_id
                WHERE u.username = 'team-leader'
                """).query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)})
                .single();
        long inspection = (Long) leader[2];
        // the inputs: the two lists the generator builds from the seed, 36 and 14 persons, 5 of them on both
        DemoComparison.Lists lists = DemoComparison.lists(DemoDataLoader.DEMO_SEED,
                ((String) leader[3]).substring(0, 6), loader.today());
        int both = lists.onBoth().size();
        assertThat(both).isEqualTo(DemoComparison.DECEASED_ON_ROLL).isEqualTo(5);
        long id = count("SELECT id FROM findings_comparison WHERE inspection_id = " + inspection);
        int[] stored = jdbc.sql("""
                SELECT left_rows, right_rows, matched, only_left, only_right, left_rejected, right_rejected, mismatches
                FROM findings_comparison WHERE id = :id
                """).param("id", id).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3),
                rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8)}).single();
        assertThat(stored).containsExactly(lists.benefit().size(), lists.cremation().size(), both,
                lists.benefit().size() - both, lists.cremation().size() - both, 0, 0, 0);
        assertThat(stored).containsExactly(36, 14, 5, 31, 9, 0, 0, 0);
        // stored as the capability stores it: sealed chunks only, no identity number in the clear, the run audited
        List<byte[]> payloads = jdbc.sql("SELECT payload FROM findings_comparison_chunk WHERE comparison_id = :id")
                .param("id", id).query((rs, n) -> rs.getBytes(1)).list();
        assertThat(payloads).hasSize(3);
        for (byte[] p : payloads) {
            String raw = new String(p, StandardCharsets.ISO_8859_1);
            lists.benefit().forEach(person -> assertThat(raw).doesNotContain(person.idNumber().substring(6, 14)));
        }
        assertThat(count("SELECT count(*) FROM audit_record WHERE action = 'COMPARISON_RUN' AND object_id = '" + id + "'"))
                .isEqualTo(1);
        // the team opens the matched rows: exactly the persons on both lists
        var principal = PrincipalFactory.create((Long) leader[0], "team-leader", "team-leader", "x",
                Set.of(Role.TEAM_LEADER), (Long) leader[1], null, null, true, false);
        var rows = comparisons.rows(scopes.of(principal), id, org.xuncha.findings.comparison.ResultList.MATCHED, 0);
        assertThat(rows.rows()).hasSize(both);
        assertThat(rows.rows().stream().map(r -> String.join(" ", r)).toList())
                .allMatch(line -> lists.onBoth().stream().anyMatch(line::contains));
        // cited as evidence by one approved working paper of the same inspection, with the counts
        assertThat(jdbc.sql("""
                SELECT e.description FROM working_paper_evidence e JOIN working_paper p ON p.id = e.paper_id
                WHERE e.comparison_id = :c AND p.inspection_id = :i AND p.status = 'APPROVED'
                  AND p.source = 'DATA_COMPARISON'
                """).param("c", id).param("i", inspection).query(String.class).list())
                .containsExactly("数据比对：低保发放名单与殡葬火化名单比对（低保发放名单 × 殡葬火化名单，匹配 5 条，仅低保发放名单 31 条，"
                        + "仅殡葬火化名单 9 条）");
    }

    @Test
    void reportsAreAtEveryStatusAndEveryInspectionPastReportingHasAnApprovedOne() {
        assertThat(jdbc.sql("SELECT DISTINCT status FROM inspection_report").query(String.class).list())
                .containsExactlyInAnyOrder("DRAFTING", "OFFICE_REVIEW", "LEADING_GROUP", "COMMITTEE", "APPROVED",
                        "RETURNED");
        // one report for every inspection from REPORTING on, and for every other stationed one
        long stationed = count("SELECT count(*) FROM inspection WHERE stage = 'STATIONED'");
        assertThat(count("SELECT count(*) FROM inspection_report")).isEqualTo(
                count("SELECT count(*) FROM inspection WHERE stage IN ('REPORTING', 'FEEDBACK', 'RECTIFYING', 'CLOSED')")
                        + (stationed + 1) / 2);
        List<Long> past = jdbc.sql("SELECT id FROM inspection WHERE stage IN ('FEEDBACK', 'RECTIFYING', 'CLOSED')")
                .query(Long.class).list();
        assertThat(past).isNotEmpty();
        for (long id : past) {
            assertThat(inspectionReports.isApproved(InspectionId.of(id))).as("inspection " + id).isTrue();
        }
        // at REPORTING every report was sent (报送 recorded) and is submitted, but the one returned to the team
        List<Long> reporting = jdbc.sql("SELECT id FROM inspection WHERE stage = 'REPORTING'").query(Long.class).list();
        assertThat(reporting).hasSizeGreaterThanOrEqualTo(4);
        long notSubmitted = reporting.stream().filter(id -> !inspectionReports.isSubmitted(InspectionId.of(id))).count();
        assertThat(notSubmitted).isEqualTo(1);
        assertThat(count("""
                SELECT count(*) FROM inspection i JOIN inspection_report r ON r.inspection_id = i.id
                WHERE i.stage = 'REPORTING' AND r.status = 'RETURNED'""")).isEqualTo(1);
        assertThat(count("""
                SELECT count(*) FROM inspection i WHERE i.stage <> 'PREPARING' AND i.stage <> 'STATIONED'
                  AND NOT EXISTS (SELECT 1 FROM inspection_report_submission s WHERE s.inspection_id = i.id
                                  AND s.submitted_on >= i.withdrawn_on
                                  AND (i.feedback_on IS NULL OR s.submitted_on <= i.feedback_on))
                """)).as("inspections past stationing without a 报送 between withdrawal and feedback").isZero();
        // a stationed team's report is still with the team, and nothing is sent for it
        assertThat(count("""
                SELECT count(*) FROM inspection i JOIN inspection_report r ON r.inspection_id = i.id
                WHERE i.stage = 'STATIONED' AND (r.status <> 'DRAFTING' OR EXISTS (SELECT 1 FROM inspection_report_step s
                    WHERE s.report_id = r.id))""")).isZero();
        assertThat(count("""
                SELECT count(*) FROM inspection_report_submission s JOIN inspection i ON i.id = s.inspection_id
                WHERE i.stage = 'STATIONED'""")).isZero();
    }

    @Test
    void reportStepsLeadToTheStatusAndTheCountsAreTheInspectionsOwn() {
        // the chain: each step starts where the previous one ended, from DRAFTING, and ends at the status
        Map<Long, List<String[]>> steps = new java.util.HashMap<>();
        jdbc.sql("SELECT report_id, from_status, to_status, opinion FROM inspection_report_step ORDER BY id")
                .query(rs -> {
                    steps.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                });
        jdbc.sql("SELECT id, status, content_version, row_version FROM inspection_report").query(rs -> {
            List<String[]> chain = steps.getOrDefault(rs.getLong(1), List.of());
            String at = "DRAFTING";
            for (String[] s : chain) {
                assertThat(s[0]).as("report " + rs.getLong(1)).isEqualTo(at);
                assertThat(s[2]).isNotBlank();
                at = s[1];
            }
            assertThat(at).as("report " + rs.getLong(1)).isEqualTo(rs.getString(2));
            // one version per saved text, 1 + steps + edits row versions (the draft copies the counts once)
            assertThat(rs.getInt(4)).isEqualTo(1 + chain.size() + rs.getInt(3) - 1);
        });
        assertThat(count("""
                SELECT count(*) FROM inspection_report r WHERE r.content_version <> (SELECT max(v.content_version)
                    FROM inspection_report_version v WHERE v.report_id = r.id)
                   OR (SELECT count(*) FROM inspection_report_version v WHERE v.report_id = r.id) <> r.content_version
                """)).isZero();
        assertThat(count("""
                SELECT count(*) FROM inspection_report_step WHERE to_status = 'RETURNED' AND opinion = '%s'
                """.formatted(DemoReports.RETURN_REASON))).isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT count(*) FROM inspection_report WHERE status = 'APPROVED' AND content_version = 2"))
                .as("approved after a return and a second version").isPositive();
        // the counts block and 主要问题 are the inspection's own, as the counts APIs count them
        assertThat(count("""
                SELECT count(*) FROM inspection_report r WHERE
                   r.problems <> (SELECT count(*) FROM finding f WHERE f.inspection_id = r.inspection_id AND f.status = 'RECORDED')
                OR r.problems <> (SELECT count(*) FROM inspection_report_problem p WHERE p.report_id = r.id)
                OR r.rectified <> (SELECT count(*) FROM finding f WHERE f.inspection_id = r.inspection_id
                                   AND f.status = 'RECORDED' AND f.rectified)
                OR r.talks <> (SELECT count(*) FROM work_log w WHERE w.inspection_id = r.inspection_id
                               AND w.kind = 'TALK' AND w.status = 'ACTIVE')
                OR r.leads <> (SELECT count(*) FROM problem_lead l WHERE l.inspection_id = r.inspection_id
                               AND l.status = 'REPORTED')
                OR r.petitions_received <> (SELECT count(*) FROM petition p WHERE p.inspection_id = r.inspection_id)
                """)).isZero();
        assertThat(count("""
                SELECT count(*) FROM inspection_report_problem p JOIN inspection_report r ON r.id = p.report_id
                JOIN finding f ON f.id = p.finding_id
                WHERE f.inspection_id <> r.inspection_id OR p.description <> f.description OR p.level1_id <> f.level1_id
                """)).isZero();
        assertThat(count("SELECT min(problems) FROM inspection_report")).isPositive();
        // the city office reads them on its page, with their statuses' labels
        Object[] office = jdbc.sql("SELECT id, body_id FROM user_account WHERE username = 'office'")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2)}).single();
        var officer = PrincipalFactory.create((Long) office[0], "office", "office", "x", Set.of(Role.OFFICE),
                (Long) office[1], null, null, true, false);
        try {
            String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .get("/inspection-reports")
                            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                    .authentication(new org.springframework.security.authentication
                                            .UsernamePasswordAuthenticationToken(officer, null, officer.getAuthorities()))))
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("已审定", "待巡察办审核");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theTeamReadsItsLeadsReportWithTheReportedLeadsOnly() throws Exception {
        Object[] leader = jdbc.sql("""
                SELECT u.id, u.body_id, m.inspection_id FROM user_account u JOIN team_member m ON m.user_id = u.id
                WHERE u.username = 'team-leader'
                """).query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        var principal = PrincipalFactory.create((Long) leader[0], "team-leader", "team-leader", "x",
                Set.of(Role.TEAM_LEADER), (Long) leader[1], null, null, true, false);
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/inspection-reports/inspections/" + leader[2] + "/leads")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(new org.springframework.security.authentication
                                        .UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities()))))
                .andReturn().getResponse().getContentAsString();
        List<String[]> leads = jdbc.sql("SELECT title, status FROM problem_lead WHERE inspection_id = :i")
                .param("i", leader[2]).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        // five leads an inspection, three reported (DemoFindings): the reported ones are in the report
        assertThat(leads.stream().filter(l -> l[1].equals("REPORTED")).count()).isEqualTo(3);
        leads.stream().filter(l -> l[1].equals("REPORTED")).forEach(l -> assertThat(page).contains(l[0]));
    }

    @Test
    void oneSpecialReportWasDraftedSignedAndForwarded() {
        assertThat(count("""
                SELECT count(*) FROM special_report s JOIN inspection i ON i.id = s.inspection_id
                JOIN inspection_body b ON b.id = i.body_id
                WHERE s.status = 'FORWARDED' AND s.signed_by_name IS NOT NULL AND s.signed_at < s.forwarded_at
                  AND s.created_at < s.signed_at AND b.region_code = '369900'""")).isEqualTo(1);
    }

    @Test
    void informationRequestsAreAnsweredPendingAndOverdueForEveryCollaboratorAccount() {
        LocalDate today = today();
        List<String> departments = jdbc.sql("SELECT department FROM user_account WHERE department IS NOT NULL AND username LIKE 'collaborator%'")
                .query(String.class).list();
        assertThat(departments).containsExactlyInAnyOrder("清江市审计局", "清江市信访局", "清江市纪委监委信访室");
        for (String department : departments) {
            Map<String, Long> kinds = new HashMap<>();
            jdbc.sql("SELECT status, due_on, answer, answered_at FROM info_request WHERE department = :d")
                    .param("d", department).query(rs -> {
                        String kind = switch (rs.getString(1)) {
                            case "ANSWERED" -> {
                                assertThat(rs.getString(3)).isNotBlank();
                                assertThat(rs.getObject(4)).isNotNull();
                                yield "answered";
                            }
                            case "SENT" -> date(rs, 2).isBefore(today) ? "overdue" : "pending";
                            default -> throw new AssertionError(rs.getString(1));
                        };
                        kinds.merge(kind, 1L, Long::sum);
                    });
            assertThat(kinds.keySet()).as(department).containsExactlyInAnyOrder("answered", "pending", "overdue");
        }
        assertThat(count("""
                SELECT count(*) FROM info_request q JOIN inspection i ON i.id = q.inspection_id
                WHERE i.stage NOT IN ('PREPARING', 'STATIONED')
                """)).isZero();
    }

    private static LocalDate date(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /**
     * SHA-256 over the generated rows in a fixed order, with references by natural key (codes) rather than
     * database ids. Sealed identity numbers are left out (their nonces differ per run); their blind indexes
     * are in. Timestamps and password hashes are left out.
     */
    /** Rows of one inspection table with the inspection's natural key (body, term, round, team name) in front. */
    static final String INSPECTION_KEY = """
            SELECT b.region_code, t.first_year, r.ordinal, i.team_name, %s FROM inspection i
            JOIN inspection_round r ON r.id = i.round_id JOIN term t ON t.id = r.term_id
            JOIN inspection_body b ON b.id = i.body_id %s
            ORDER BY b.region_code, t.first_year, r.ordinal, i.team_name, %s
            """;

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
                """,
                """
                SELECT b.region_code, t.name, t.first_year, t.last_year, t.plan_status, t.approved_by, t.approved_at
                FROM term t JOIN inspection_body b ON b.id = t.body_id ORDER BY b.region_code, t.first_year
                """,
                """
                SELECT b.region_code, t.first_year, o.code, e.planned_year, e.planned_round, e.removed
                FROM term_plan_entry e JOIN term t ON t.id = e.term_id JOIN inspection_body b ON b.id = t.body_id
                JOIN party_organization o ON o.id = e.organization_id ORDER BY b.region_code, t.first_year, o.code
                """,
                """
                SELECT b.region_code, t.first_year, c.change_kind, c.detail, c.reason, c.actor, c.occurred_at
                FROM term_plan_change c JOIN term t ON t.id = c.term_id JOIN inspection_body b ON b.id = t.body_id
                ORDER BY b.region_code, t.first_year, c.occurred_at
                """,
                """
                SELECT b.region_code, t.first_year, r.ordinal, r.name, r.planned_station_on, r.planned_withdraw_on,
                       r.planned_feedback_on, r.actual_station_on, r.actual_withdraw_on, r.actual_feedback_on
                FROM inspection_round r JOIN term t ON t.id = r.term_id JOIN inspection_body b ON b.id = r.body_id
                ORDER BY b.region_code, t.first_year, r.ordinal
                """,
                INSPECTION_KEY.formatted("i.mode, i.special_topic, i.form_elevated, i.form_cross, i.form_extended, "
                        + "i.form_system, i.form_linked, i.form_audit_linked, i.linked_with, i.team_county_code, i.stage, "
                        + "i.stationed_on, i.withdrawn_on, i.feedback_on, i.closed_on, "
                        + "(SELECT lr.ordinal || '/' || l.team_name FROM inspection l "
                        + "JOIN inspection_round lr ON lr.id = l.round_id WHERE l.id = i.look_back_of)", "", "1"),
                INSPECTION_KEY.formatted("o.code, x.code",
                        "JOIN inspection_target it ON it.inspection_id = i.id JOIN party_organization o ON o.id = it.organization_id "
                        + "LEFT JOIN party_organization x ON x.id = it.extended_from", "o.code"),
                INSPECTION_KEY.formatted("p.code, m.team_role, u.username",
                        "JOIN team_member m ON m.inspection_id = i.id JOIN inspector p ON p.id = m.inspector_id "
                        + "LEFT JOIN user_account u ON u.id = m.user_id", "p.code"),
                INSPECTION_KEY.formatted("c.from_stage, c.to_stage, c.effective_on, c.actor",
                        "JOIN inspection_stage_change c ON c.inspection_id = i.id", "c.effective_on, c.to_stage"),
                INSPECTION_KEY.formatted("a.phone, a.mailbox, a.accepts, a.period_from, a.period_to, a.cut_off_on, "
                        + "a.channel_code, a.channel_open", "JOIN entry_announcement a ON a.inspection_id = i.id", "1"),
                INSPECTION_KEY.formatted("o.code, q.department, q.question, q.due_on, q.status, q.sent_by, q.answer, "
                        + "q.answered_by", "JOIN info_request q ON q.inspection_id = i.id "
                        + "JOIN party_organization o ON o.id = q.organization_id", "o.code, q.department"),
                // the team's record (issue 12): everything but the sealed columns, which differ by their nonces
                INSPECTION_KEY.formatted("w.kind, w.held_on, w.place, w.subject, w.talk_category, w.persons_count, "
                        + "w.issued_count, w.returned_count, w.period, w.pages, w.status, w.created_at",
                        "JOIN work_log w ON w.inspection_id = i.id", "w.created_at, w.kind, w.subject, w.talk_category, "
                        + "w.held_on, w.persons_count, w.issued_count, w.pages"),
                INSPECTION_KEY.formatted("p.seq, p.paper_no, p.title, p.facts, p.status, p.content_version, "
                        + "p.row_version, p.approved_at, p.closing_reason, (SELECT count(*) FROM working_paper_step s "
                        + "WHERE s.paper_id = p.id)", "JOIN working_paper p ON p.inspection_id = i.id", "p.seq"),
                INSPECTION_KEY.formatted("p.seq, f.scheme, f.discipline, f.severity, f.key_problem, f.rectified_on",
                        "JOIN finding f ON f.inspection_id = i.id JOIN working_paper p ON p.id = f.paper_id", "p.seq"),
                INSPECTION_KEY.formatted("p.seq, l.violation, l.urgent, l.status, l.reported_at, (SELECT count(*) FROM "
                        + "problem_lead_person x WHERE x.lead_id = l.id)", "JOIN problem_lead l ON l.inspection_id = i.id "
                        + "JOIN working_paper p ON p.id = l.source_paper_id", "p.seq"));
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

    // ---- issue 13 §7: the demo's referral data ----

    @Autowired org.xuncha.referral.letter.TransferLetters transferLetters;

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void everyReferralStepIsPresent() {
        for (String status : List.of("TRANSFERRED", "SIGNED", "HANDLING", "CLOSED")) {
            assertThat(count("SELECT COUNT(*) FROM transfer_item WHERE status = ?", status)).as(status).isPositive();
        }
        for (String kind : List.of("HANDLING_WAY", "CASE_FILED", "DETENTION", "CASE_CLOSED", "PARTY_SANCTION",
                "GOVERNMENT_SANCTION", "ORGANIZATIONAL_HANDLING", "FIRST_FORM_MEASURE", "JUDICIAL_REFERRAL", "MONEY")) {
            assertThat(count("SELECT COUNT(*) FROM referral_outcome WHERE kind = ?", kind)).as(kind).isPositive();
        }
        for (String way : List.of("PRELIMINARY_CHECK", "TALK_INQUIRY", "CONCLUDED")) {
            assertThat(count("SELECT COUNT(*) FROM referral_outcome WHERE kind = 'HANDLING_WAY' AND code = ?", way))
                    .as(way).isPositive();
        }
        for (var code : org.xuncha.referral.PartySanction.values()) {
            assertThat(count("SELECT COUNT(*) FROM referral_outcome WHERE kind = 'PARTY_SANCTION' AND code = ?",
                    code.name())).as(code.name()).isPositive();
        }
        for (var code : org.xuncha.referral.GovernmentSanction.values()) {
            assertThat(count("SELECT COUNT(*) FROM referral_outcome WHERE kind = 'GOVERNMENT_SANCTION' AND code = ?",
                    code.name())).as(code.name()).isPositive();
        }
        assertThat(count("SELECT COUNT(*) FROM referral_outcome WHERE kind = 'MONEY' AND recovered_fen > 0")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM transfer_item WHERE overdue = TRUE")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM transfer_item WHERE overdue = TRUE AND (due_on >= ? OR status = 'CLOSED')",
                loader.today())).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM transfer_item i WHERE i.supervised = TRUE
                AND EXISTS (SELECT 1 FROM transfer_progress p WHERE p.item_id = i.id AND p.period_start = ?)""",
                loader.today().withDayOfMonth(1))).isPositive();
        assertThat(count("""
                SELECT COUNT(*) FROM transfer_item i WHERE i.supervised = TRUE
                AND NOT EXISTS (SELECT 1 FROM transfer_progress p WHERE p.item_id = i.id AND p.period_start = ?)""",
                loader.today().withDayOfMonth(1))).isPositive();
        assertThat(count("SELECT COUNT(*) FROM transfer_item WHERE subject_kind = 'PETITION'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM transfer_item_route WHERE position = 2")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM referral_surrender WHERE inspection_id IS NOT NULL")).isEqualTo(1);
        // every reported lead was transferred once, and marked so on the lead
        assertThat(count("SELECT COUNT(*) FROM problem_lead WHERE status = 'REPORTED' AND transferred_at IS NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM transfer_letter")).isGreaterThan(1);
        // a 结案 closes a 立案 of the same person (or of the item, when the 立案 named nobody), as Outcomes requires
        assertThat(count("SELECT COUNT(*) FROM referral_outcome WHERE kind = 'CASE_CLOSED'")).isPositive();
        assertThat(count("""
                SELECT COUNT(*) FROM referral_outcome c WHERE c.kind = 'CASE_CLOSED' AND NOT EXISTS (
                  SELECT 1 FROM referral_outcome f WHERE f.item_id = c.item_id AND f.kind = 'CASE_FILED'
                  AND (f.person_id = c.person_id OR (f.person_id IS NULL AND c.person_id IS NULL))
                  AND f.occurred_on <= c.occurred_on)""")).isZero();
        // every signed item has its reminder date, 7 days before the reply is due
        assertThat(count("SELECT COUNT(*) FROM transfer_item WHERE due_on IS NOT NULL AND remind_on IS NULL")).isZero();
    }

    @Test
    void referralDatesAreInOrderAndBeforeToday() {
        java.time.OffsetDateTime startOfToday = loader.today().atStartOfDay(java.time.ZoneId.systemDefault())
                .toOffsetDateTime();
        assertThat(count("SELECT COUNT(*) FROM transfer_item WHERE signed_at IS NOT NULL AND signed_at <= transferred_at"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM transfer_item WHERE transferred_at >= ? OR signed_at >= ?",
                startOfToday, startOfToday)).isZero();
        // no outcome before its item was signed, none on an unsigned item, none today or later
        assertThat(count("""
                SELECT COUNT(*) FROM referral_outcome o JOIN transfer_item i ON i.id = o.item_id
                WHERE i.signed_at IS NULL OR o.recorded_at < i.signed_at OR o.recorded_at < i.transferred_at
                   OR o.occurred_on >= ?""", loader.today())).isZero();
        // 结案 after 立案 on the same item, and never without one
        assertThat(count("""
                SELECT COUNT(*) FROM referral_outcome c WHERE c.kind = 'CASE_CLOSED' AND NOT EXISTS (
                  SELECT 1 FROM referral_outcome f WHERE f.item_id = c.item_id AND f.kind = 'CASE_FILED'
                  AND f.occurred_on < c.occurred_on)""")).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM transfer_item WHERE status = 'CLOSED' AND (closed_on IS NULL OR closed_on >= ?)""",
                loader.today())).isZero();
    }

    @Test
    void aDemoLetterVerifies() {
        byte[] docx = jdbc.sql("SELECT letter_docx FROM transfer_letter ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .query(byte[].class).single();
        var verification = transferLetters.verify(docx);
        assertThat(verification.valid()).as(verification.reason()).isTrue();
        String no = jdbc.sql("SELECT letter_no FROM transfer_letter ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .query(String.class).single();
        assertThat(verification.letter().letterNo()).isEqualTo(no);
    }

    // ---- issue 14 §9: the demo's feedback, plans and ledger ----

    @Test
    void theLedgerHasItemsInEveryStateAndTheTargetAccountSeesMostOfThem() {
        Set<String> states = new HashSet<>(jdbc.sql("""
                SELECT DISTINCT i.status FROM rectification_item i JOIN rectification_plan p ON p.id = i.plan_id
                WHERE p.status = 'APPROVED'""").query(String.class).list());
        for (org.xuncha.rectification.ItemStatus s : org.xuncha.rectification.ItemStatus.values()) {
            assertThat(states).as("ledger items " + s.label()).contains(s.name());
        }
        // 退回 then back in progress, 持续整改 with milestones and its next check, 不能整改 approved with the opinion
        assertThat(count("""
                SELECT count(*) FROM rectification_item i WHERE i.status = 'IN_PROGRESS' AND i.move_reason IS NOT NULL
                AND EXISTS (SELECT 1 FROM rectification_item_move m WHERE m.item_id = i.id AND m.move_code = 'RETURN')""")).isPositive();
        assertThat(count("""
                SELECT count(*) FROM rectification_item WHERE status = 'LONG_TERM' AND milestones IS NOT NULL
                AND long_term_owner IS NOT NULL AND next_check_on >= ?""", today())).isPositive();
        assertThat(count("SELECT count(*) FROM rectification_item_move WHERE move_code = 'APPROVE_CANNOT'")).isPositive();
        // what `target` (清江市财政局) sees: at least six different states on its own items
        assertThat(count("""
                SELECT count(DISTINCT i.status) FROM rectification_item i JOIN user_account a ON a.organization_id = i.organization_id
                JOIN rectification_plan p ON p.id = i.plan_id WHERE a.username = 'target' AND p.status = 'APPROVED'""")).isGreaterThanOrEqualTo(6);
    }

    @Test
    void plansWereReturnedThenApprovedAndRecentOnesAreStillDraftingOrSubmitted() {
        assertThat(count("""
                SELECT count(*) FROM rectification_plan p WHERE p.status = 'APPROVED' AND p.review_round = 2
                AND EXISTS (SELECT 1 FROM rectification_plan_decision d WHERE d.plan_id = p.id AND d.review_round = 1
                  AND d.decision = 'RETURN' AND d.reason IS NOT NULL)
                AND EXISTS (SELECT 1 FROM rectification_plan_decision d WHERE d.plan_id = p.id AND d.review_round = 2
                  AND d.decision = 'APPROVE')""")).isPositive();
        assertThat(count("SELECT count(*) FROM rectification_plan WHERE status = 'DRAFTING' AND signed_at IS NULL")).isPositive();
        assertThat(count("SELECT count(*) FROM rectification_plan WHERE status = 'SUBMITTED' AND signed_at IS NOT NULL")).isPositive();
        // every approved plan was signed and reviewed by the four participants; the 专题民主生活会 (within a month
        // of the feedback) is recorded once the month is over
        assertThat(count("""
                SELECT count(*) FROM rectification_plan p JOIN rectification_feedback f ON f.id = p.feedback_id
                WHERE p.status = 'APPROVED' AND (p.signed_at IS NULL
                OR (p.life_meeting_on IS NULL AND f.delivered_on < ?) OR (SELECT count(DISTINCT o.participant)
                  FROM rectification_plan_opinion o WHERE o.plan_id = p.id AND o.review_round = p.review_round) <> 4)""",
                today().minusDays(31))).isZero();
    }

    @Test
    void someItemsAreOverdueAndSomeDueWithinTenAndTwentyDays() {
        LocalDate today = today();
        String open = "SELECT count(*) FROM rectification_item i JOIN rectification_plan p ON p.id = i.plan_id"
                + " WHERE p.status = 'APPROVED' AND i.status NOT IN ('SIGNED_OFF', 'CANNOT_RECTIFY')";
        assertThat(count(open + " AND i.due_on < ?", today)).isPositive();
        assertThat(count(open + " AND i.due_on BETWEEN ? AND ?", today, today.plusDays(10))).isPositive();
        assertThat(count(open + " AND i.due_on BETWEEN ? AND ?", today.plusDays(11), today.plusDays(20))).isPositive();
        assertThat(count("SELECT count(*) FROM rectification_item_move WHERE decided_on >= ?", today)).isZero();
        assertThat(count("SELECT count(*) FROM rectification_progress WHERE reported_on >= ?", today)).isZero();
        assertThat(count("SELECT count(*) FROM rectification_feedback WHERE delivered_on > ?", today)).isZero();
    }

    /** The duplicates planted for the red cards (DemoRectificationInBulk.plant…): one file, one copied text. */
    @Test
    void theDuplicatesForRedCardsArePlantedOnceAcrossTwoOrganizations() {
        var shared = jdbc.sql("""
                SELECT e.sha256, count(DISTINCT e.item_id), count(DISTINCT i.organization_id) FROM rectification_evidence e
                JOIN rectification_item i ON i.id = e.item_id GROUP BY e.sha256 HAVING count(DISTINCT e.item_id) > 1""")
                .query((rs, n) -> new long[] {rs.getLong(2), rs.getLong(3)}).list();
        assertThat(shared).hasSize(1);
        assertThat(shared.get(0)).containsExactly(2L, 2L);
        byte[] planted = org.xuncha.platform.upload.UploadCheck.check(DemoRectificationInBulk.EVIDENCE_POLICY,
                "整改现场照片.png", DemoRectificationInBulk.picture(DemoRectificationInBulk.DUPLICATE_FILE_MARKER)).content();
        assertThat(count("SELECT count(*) FROM rectification_evidence WHERE sha256 = ?",
                DemoRectificationInBulk.sha256(planted))).isEqualTo(2);
        assertThat(count("""
                SELECT count(DISTINCT i.organization_id) FROM rectification_progress p JOIN rectification_item i ON i.id = p.item_id
                WHERE p.progress_text IN (?, ?)""", DemoRectificationInBulk.COPIED_TEXT,
                DemoRectificationInBulk.COPIED_TEXT_EDITED)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM rectification_progress WHERE progress_text = ?",
                DemoRectificationInBulk.COPIED_TEXT_EDITED)).isEqualTo(1);
        // every stored file is what the ledger's upload check keeps
        for (var row : jdbc.sql("SELECT file_name, content FROM rectification_evidence ORDER BY id FETCH FIRST 50 ROWS ONLY")
                .query().listOfRows()) {
            byte[] content = (byte[]) row.get("content");
            assertThat(org.xuncha.platform.upload.UploadCheck.check(DemoRectificationInBulk.EVIDENCE_POLICY,
                    (String) row.get("file_name"), content).content()).isEqualTo(content);
        }
    }

    /**
     * The planted duplicates raised their red cards through the module's rules, one each, on the later use, and the
     * office decided them: the shared picture confirmed, the similar wording dismissed, each with its reason.
     */
    @Test
    void thePlantedDuplicatesRaisedOneRedCardEachAndTheOfficeDecidedThem() {
        var cards = jdbc.sql("""
                SELECT c.kind, c.status, c.decision_reason, c.item_id, c.other_item_id, i.organization_id AS own,
                       o.organization_id AS other FROM rectification_red_card c
                JOIN rectification_item i ON i.id = c.item_id JOIN rectification_item o ON o.id = c.other_item_id
                ORDER BY c.kind""").query().listOfRows();
        assertThat(cards).extracting(r -> r.get("kind") + "/" + r.get("status"))
                .containsExactly("COPIED_PROGRESS/DISMISSED", "SAME_EVIDENCE/CONFIRMED");
        for (var c : cards) {
            assertThat((String) c.get("decision_reason")).isNotBlank();
            assertThat(c.get("item_id")).isNotEqualTo(c.get("other_item_id"));
            assertThat(((Number) c.get("own")).longValue()).as("across two organizations")
                    .isNotEqualTo(((Number) c.get("other")).longValue());
        }
    }

    /** Open items carry the dates their warnings start (computed at start-up from the body's working days). */
    @Test
    void theGeneratedLedgerCarriesWarningStartDatesOnOpenItemsOnly() {
        assertThat(count("SELECT count(*) FROM rectification_item WHERE is_open = TRUE AND warn_yellow_on IS NULL"))
                .isZero();
        assertThat(count("SELECT count(*) FROM rectification_item WHERE is_open = FALSE AND warn_yellow_on IS NOT NULL"))
                .isZero();
        assertThat(count("SELECT count(*) FROM rectification_item WHERE is_open = TRUE AND warn_green_on < warn_yellow_on"
                + " AND warn_yellow_on <= due_on")).as("every open item: green before yellow before the deadline")
                .isEqualTo(count("SELECT count(*) FROM rectification_item WHERE is_open = TRUE"));
    }

    /** The pages the README sends `target` and `office` to open on the generated ledger. */
    @Test
    void theTargetAndTheOfficeOpenTheGeneratedLedgerPlanAndFeedback() throws Exception {
        Object[] t = jdbc.sql("SELECT id, body_id, organization_id FROM user_account WHERE username = 'target'")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        var target = PrincipalFactory.create((Long) t[0], "target", "target", "x", Set.of(Role.TARGET), (Long) t[1],
                (Long) t[2], null, true, false);
        Object[] o = jdbc.sql("SELECT id, body_id FROM user_account WHERE username = 'office'")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2)}).single();
        var office = PrincipalFactory.create((Long) o[0], "office", "office", "x", Set.of(Role.OFFICE), (Long) o[1],
                null, null, true, false);
        long returned = jdbc.sql("""
                SELECT MIN(i.id) FROM rectification_item i WHERE i.organization_id = ? AND EXISTS (
                  SELECT 1 FROM rectification_item_move m WHERE m.item_id = i.id AND m.move_code = 'RETURN')""")
                .param(t[2]).query(Long.class).single();
        long plan = jdbc.sql("SELECT plan_id FROM rectification_item WHERE id = ?").param(returned).query(Long.class).single();
        long feedback = jdbc.sql("SELECT feedback_id FROM rectification_plan WHERE id = ?").param(plan)
                .query(Long.class).single();
        assertThat(page(target, "/rectification/ledger")).contains("已销号", "整改中");
        assertThat(page(target, "/rectification/items/" + returned)).contains("退回");
        assertThat(page(target, "/rectification/plans/" + plan)).contains("审核通过");
        assertThat(page(office, "/rectification/feedback/" + feedback)).contains("已反馈");
        assertThat(page(office, "/rectification/ledger/figures")).contains("整改率");
    }

    private String page(org.xuncha.identity.XunchaPrincipal who, String path) throws Exception {
        var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(new org.springframework.security.authentication
                                        .UsernamePasswordAuthenticationToken(who, null, who.getAuthorities()))))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }
}
