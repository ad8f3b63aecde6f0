package org.xuncha.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectorId;
import org.xuncha.common.OrganizationId;
import org.xuncha.common.Role;
import org.xuncha.identity.DataScopes;
import org.xuncha.people.InspectorDraft.Absence;
import org.xuncha.people.InspectorDraft.AssignmentDraft;
import org.xuncha.people.InspectorDraft.Posting;
import org.xuncha.people.InspectorDraft.RelativeDraft;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.testing.TestDatabaseEnvironment;
import org.xuncha.testing.TestFixtures;

@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TalentPoolTests {

    @Autowired TalentPool pool;
    @Autowired DataScopes scopes;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired DataSource dataSource;
    @org.springframework.beans.factory.annotation.Value("${spring.datasource.password:}") String dbPassword;

    PeopleTestData data;
    DataScope officeA;
    DataScope officeB;
    DataScope cityOffice;

    @BeforeAll
    void setUp() {
        data = new PeopleTestData(jdbc, new TestFixtures(jdbc, encoder), "TP", "630200");
        officeA = scope(1, Role.OFFICE, data.countyA);
        officeB = scope(2, Role.OFFICE, data.countyB);
        cityOffice = scope(3, Role.OFFICE, data.city);
    }

    DataScope scope(long id, Role role, long body) {
        return scopes.of(PeopleTestData.principal(id, role, body));
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void enrolmentSealsTheNumberAndLooksItUpThroughTheBlindIndex() {
        String number = PeopleTestData.identityNumber(true);
        InspectorId id = pool.enroll(officeA, PeopleTestData.draft("林某", number));

        Map<String, Object> row = jdbc.sql("SELECT * FROM inspector WHERE id = :id").param("id", id.value())
                .query().singleRow();
        assertThat(row.values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(number)
                .doesNotContain(number.substring(6)));
        assertThat((String) row.get("code")).matches("P\\d{4,}");

        InspectorDetails found = pool.findByIdentityNumber(officeA, number.toLowerCase()).orElseThrow();
        assertThat(found.id()).isEqualTo(id);
        assertThat(found.maskedIdentityNumber()).isEqualTo(number.substring(0, 6) + "***********" + number.charAt(17));
        assertThat(found.gender()).as("derived from the odd 17th digit").isEqualTo(Gender.MALE);
        assertThat(pool.findByIdentityNumber(officeB, number)).as("outside B's scope").isEmpty();
        assertThat(count("SELECT count(*) FROM audit_record WHERE action = 'INSPECTOR_ENROLLED' AND object_id = '"
                + id.value() + "'")).isEqualTo(1);
    }

    @Test
    void aSecondInspectorWithTheSameNumberIsRefused() {
        String number = PeopleTestData.identityNumber(false);
        pool.enroll(officeA, PeopleTestData.draft("陈某", number));
        long before = count("SELECT count(*) FROM inspector");

        assertThatThrownBy(() -> pool.enroll(officeB, PeopleTestData.draft("陈某某", number)))
                .isInstanceOfSatisfying(InvalidDrafts.class, e -> assertThat(e.problems())
                        .extracting(DraftProblem::field, DraftProblem::message)
                        .containsExactly(tuple("identityNumber", "该身份证号码已在人才库中登记")));
        assertThat(count("SELECT count(*) FROM inspector")).isEqualTo(before);
    }

    @Test
    void enrollAllRejectsTheWholeBatchWhenOneRowIsBad() {
        long inspectors = count("SELECT count(*) FROM inspector");
        long audits = count("SELECT count(*) FROM audit_record");
        String good = PeopleTestData.identityNumber(true);
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        InspectorDraft row0 = PeopleTestData.draft("甲", PeopleTestData.identityNumber(true));
        InspectorDraft row1 = new InspectorDraft(null, "乙", null, PeopleTestData.identityNumber(false), null, null,
                Rank.STAFF, "350102", "350102", "350102", false, Set.of(), List.of(), List.of(),
                List.of(new RelativeDraft("NO-SUCH-ORG", Relation.SPOUSE)), List.of());
        InspectorDraft row2 = PeopleTestData.draft("丙", badCheck);

        assertThatThrownBy(() -> pool.enrollAll(officeA, List.of(row0, row1, row2)))
                .isInstanceOfSatisfying(InvalidDrafts.class, e -> assertThat(e.problems())
                        .extracting(DraftProblem::row, DraftProblem::field, DraftProblem::message)
                        .containsExactly(
                                tuple(1, "relatives[0].organizationCode", "亲属所在单位的组织代码NO-SUCH-ORG不存在"),
                                tuple(2, "identityNumber", "身份证号码校验位不正确，请核对")));
        assertThat(count("SELECT count(*) FROM inspector")).isEqualTo(inspectors);
        assertThat(count("SELECT count(*) FROM audit_record")).isEqualTo(audits);
    }

    @Test
    void enrollAllFindsDuplicatesInsideTheBatchAndWritesAllGoodRows() {
        String number = PeopleTestData.identityNumber(false);
        assertThatThrownBy(() -> pool.enrollAll(officeA, List.of(PeopleTestData.draft("丁", number),
                PeopleTestData.draft("戊", number))))
                .isInstanceOfSatisfying(InvalidDrafts.class, e -> assertThat(e.problems())
                        .extracting(DraftProblem::row, DraftProblem::field, DraftProblem::message)
                        .containsExactly(tuple(1, "identityNumber", "身份证号码与第1行重复")));

        List<InspectorId> ids = pool.enrollAll(officeA, List.of(PeopleTestData.draft("己", number),
                PeopleTestData.draft("庚", PeopleTestData.identityNumber(true))));
        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
        assertThat(pool.get(officeA, ids.get(1)).name()).isEqualTo("庚");
    }

    @Test
    void availabilityFollowsTheAbsences() {
        InspectorDraft d = new InspectorDraft("AV-1", "辛", Gender.FEMALE, PeopleTestData.identityNumber(false), null,
                null, Rank.STAFF, "350102", "350102", "350102", true, Set.of(Skill.AUDIT, Skill.LAW), List.of(),
                List.of(new Absence(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31), "培训")), List.of(), List.of());
        InspectorId id = pool.enroll(officeA, d);

        assertThat(pool.isAvailable(officeA, id, LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 28))).isTrue();
        assertThat(pool.isAvailable(officeA, id, LocalDate.of(2027, 2, 20), LocalDate.of(2027, 3, 1))).isFalse();
        assertThat(pool.isAvailable(officeA, id, LocalDate.of(2027, 3, 31), LocalDate.of(2027, 4, 30))).isFalse();
        assertThat(pool.isAvailable(officeA, id, LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 30))).isTrue();

        org.xuncha.platform.web.ResultPage<InspectorSummary> busy = pool.list(officeA, new InspectorSearch("AV-1", null, null, null,
                LocalDate.of(2027, 3, 10), LocalDate.of(2027, 4, 10), null, null, 0, 20));
        org.xuncha.platform.web.ResultPage<InspectorSummary> free = pool.list(officeA, new InspectorSearch("AV-1", Skill.LAW, null, true,
                LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 10), "350102", true, 0, 20));
        assertThat(busy.total()).isZero();
        assertThat(free.items()).extracting(InspectorSummary::id).containsExactly(id);

        pool.setAvailability(officeA, id, List.of());
        assertThat(pool.isAvailable(officeA, id, LocalDate.of(2027, 3, 10), LocalDate.of(2027, 3, 11))).isTrue();
        assertThatThrownBy(() -> pool.setAvailability(officeA, id,
                List.of(new Absence(LocalDate.of(2027, 5, 2), LocalDate.of(2027, 5, 1), null))))
                .isInstanceOf(InvalidDrafts.class).hasMessage("不可抽调时段的结束日期不能早于开始日期");
    }

    @Test
    void theProfileCarriesPlacesRelativesAndPreviousTargetsForTeamFormation() {
        String orgBCode = jdbc.sql("SELECT code FROM party_organization WHERE id = :id").param("id", data.orgB)
                .query(String.class).single();
        String orgACode = jdbc.sql("SELECT code FROM party_organization WHERE id = :id").param("id", data.orgA)
                .query(String.class).single();
        InspectorDraft d = new InspectorDraft(null, "壬", null, PeopleTestData.identityNumber(true), null, null,
                Rank.SECTION_CHIEF, "350102", "350102001", "350103", true, Set.of(Skill.ENGINEERING),
                List.of(new Posting("350103", "副镇长", 2012, 2016)), List.of(),
                List.of(new RelativeDraft(orgBCode, Relation.SIBLING)),
                List.of(new AssignmentDraft(orgACode, 2024, TeamRole.MEMBER)));
        InspectorId id = pool.enroll(officeA, d);

        InspectorProfile p = pool.profile(officeA, id).orElseThrow();
        assertThat(p.places()).extracting(Object::toString).containsExactly("350102", "350102001", "350103", "350103");
        assertThat(p.relativeOrganizations()).containsExactly(OrganizationId.of(data.orgB));
        assertThat(p.previousOrganizations()).containsExactly(OrganizationId.of(data.orgA));
        assertThat(p.canLead()).isTrue();
        assertThat(pool.profiles(officeA)).extracting(InspectorProfile::id).contains(id);
        assertThat(pool.profiles(officeB)).extracting(InspectorProfile::id).doesNotContain(id);

        pool.declareRelative(officeA, id, OrganizationId.of(data.orgA), Relation.SPOUSE);
        assertThat(pool.profile(officeA, id).orElseThrow().relativeOrganizations())
                .containsExactlyInAnyOrder(OrganizationId.of(data.orgA), OrganizationId.of(data.orgB));
        assertThatThrownBy(() -> pool.declareRelative(officeA, id, OrganizationId.of(data.orgA), Relation.SPOUSE))
                .isInstanceOf(UserInputException.class).hasMessage("该亲属关系已申报");
    }

    @Test
    void scopesDecideWhoReadsAndWhoChanges() {
        InspectorId a = pool.enroll(officeA, PeopleTestData.draft("癸", PeopleTestData.identityNumber(true)));
        int version = pool.get(officeA, a).version();

        assertThat(pool.find(officeB, a)).isEmpty();
        assertThatThrownBy(() -> pool.update(officeB, a, version, PeopleTestData.draft("改名", null)))
                .isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> pool.unsealIdentityNumber(officeB, a, "核对身份信息"))
                .isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> pool.deactivate(officeB, a, "调离本单位"))
                .isInstanceOf(NotFoundInScope.class);

        assertThat(pool.find(cityOffice, a)).isPresent();
        assertThatThrownBy(() -> pool.update(cityOffice, a, version, PeopleTestData.draft("改名", null)))
                .isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> pool.enroll(scope(9, Role.LEADER, data.countyA),
                PeopleTestData.draft("子", PeopleTestData.identityNumber(true))))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(pool.find(scope(4, Role.ORG_DEPT, data.countyA), a)).isPresent();
        assertThat(pool.find(scope(5, Role.LEADER, data.countyA), a)).isPresent();
        assertThat(pool.find(scope(6, Role.ORG_DEPT, data.countyB), a)).isEmpty();
        for (Role none : List.of(Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.TARGET, Role.DISCIPLINE,
                Role.COLLABORATOR, Role.SYS_ADMIN, Role.SEC_ADMIN, Role.AUDITOR)) {
            DataScope s = scope(7, none, data.countyA);
            assertThat(pool.find(s, a)).as(none.name()).isEmpty();
            assertThat(pool.list(s, InspectorSearch.firstPage()).total()).as(none.name()).isZero();
            assertThat(pool.profiles(s)).as(none.name()).isEmpty();
        }
        assertThat(pool.get(officeA, a).name()).isEqualTo("癸");
        assertThat(pool.get(officeA, a).version()).isEqualTo(version);
        assertThat(count("SELECT count(*) FROM audit_record WHERE action = 'UNSEAL' AND object_id = '" + a.value() + "'"))
                .isZero();
    }

    @Test
    void updateKeepsTheSealedNumberWhenLeftBlankAndRefusesAStaleVersion() {
        String number = PeopleTestData.identityNumber(false);
        InspectorId id = pool.enroll(officeA, PeopleTestData.draft("黄某", number));
        InspectorDetails before = pool.get(officeA, id);
        InspectorDraft change = new InspectorDraft(before.code(), "黄某某", null, "", "甲区审计局", "科长",
                Rank.SECTION_CHIEF, "350102", "350102", "350103", true, Set.of(Skill.AUDIT), List.of(), List.of(),
                List.of(), List.of());
        pool.update(officeA, id, before.version(), change);

        InspectorDetails after = pool.get(officeA, id);
        assertThat(after.name()).isEqualTo("黄某某");
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.skills()).containsExactly(Skill.AUDIT);
        assertThat(pool.unsealIdentityNumber(officeA, id, "核对身份信息")).isEqualTo(number);
        assertThatThrownBy(() -> pool.update(officeA, id, before.version(), change))
                .isInstanceOf(UserInputException.class).hasMessage("该人员信息已被他人修改，请刷新后重试");
    }

    @Test
    void deactivationNeedsAReasonAndIsAudited() {
        InspectorId id = pool.enroll(officeA, PeopleTestData.draft("周某", PeopleTestData.identityNumber(true)));
        assertThatThrownBy(() -> pool.deactivate(officeA, id, " ")).hasMessage("请填写停用原因（至少4个字）");
        pool.deactivate(officeA, id, "调离纪检岗位");
        InspectorDetails d = pool.get(officeA, id);
        assertThat(d.active()).isFalse();
        assertThat(d.inactiveReason()).isEqualTo("调离纪检岗位");
        assertThat(pool.profiles(officeA)).extracting(InspectorProfile::id).doesNotContain(id);
        assertThatThrownBy(() -> pool.deactivate(officeA, id, "再次停用试试")).hasMessage("该人员已停用");
        pool.reactivate(officeA, id, "重新回到岗位");
        assertThat(pool.get(officeA, id).active()).isTrue();
        assertThat(jdbc.sql("SELECT action FROM audit_record WHERE object_type = 'Inspector' AND object_id = :id ORDER BY seq")
                .param("id", String.valueOf(id.value())).query(String.class).list())
                .containsExactly("INSPECTOR_ENROLLED", "INSPECTOR_DEACTIVATED", "INSPECTOR_REACTIVATED");
        assertThat(jdbc.sql("SELECT detail FROM audit_record WHERE object_type = 'Inspector' AND object_id = :id")
                .param("id", String.valueOf(id.value())).query(String.class).list())
                .noneMatch(detail -> detail.contains("周某") || detail.contains("调离"));
    }

    /** docs/security.md "How we prove it": the canary identity number must not appear in a full dump of the database. */
    @Test
    void aDumpOfTheWholeDatabaseNeverHoldsTheNumber() throws Exception {
        String number = PeopleTestData.identityNumber(true);
        InspectorId id = pool.enroll(officeA, PeopleTestData.draft("金丝雀", number));
        String sealed = jdbc.sql("SELECT id_number_sealed FROM inspector WHERE id = :id").param("id", id.value())
                .query(String.class).single();

        Path file = Files.createTempFile("xuncha-dump-", ".sql");
        try {
            if (TestDatabaseEnvironment.postgres()) {
                pgDump(file);
            } else {
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                    s.execute("SCRIPT TO '" + file.toAbsolutePath().toString().replace("'", "''") + "'");
                }
            }
            String dump = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(dump).as("the dump holds the inspector row").contains(sealed);
            assertThat(dump).doesNotContain(number).doesNotContain(number.substring(6));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void pgDump(Path file) throws Exception {
        String url;
        String user;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
            user = c.getMetaData().getUserName();
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        String database = uri.getPath().substring(1);
        ProcessBuilder pg = new ProcessBuilder("pg_dump", "--no-password", "-h", uri.getHost(),
                "-p", String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort()), "-U", user, "-f", file.toString(), database)
                .redirectErrorStream(true);
        pg.environment().put("PGPASSWORD", dbPassword);
        Process process = pg.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("pg_dump: " + output).isZero();
    }
}
