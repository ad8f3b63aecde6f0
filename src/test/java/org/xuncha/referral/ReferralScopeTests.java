package org.xuncha.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.DataScope;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.referral.internal.ReferralScope;

import java.time.Clock;

/**
 * The referral module's read rule over transferred items, per role, on a world with one item for each kind of
 * receiver of county A and one of county B: each receiver reads only its own; the offices their bodies'; the team its
 * inspection's; the leading group and the TARGET no rows.
 */
@SpringBootTest(properties = "xuncha.test.context=referral")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferralScopeTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired FieldCipher cipher;

    ReferralWorld rw;
    long toDiscipline;
    long toOrgDept;
    long toAudit;
    long ofCountyB;

    @BeforeAll
    void world() {
        rw = new ReferralWorld(jdbc, encoder, clock, scopes, cipher, "rsc", "5871");
        var w = rw.w;
        var person = List.of(new ReferralWorld.Person("甲某", null, "科长", "SECTION"));
        toDiscipline = rw.transferred(rw.reportedLead(w.inspection, "收受礼金", "INTEGRITY", person),
                ReceiverKind.DISCIPLINE, w.countyA, null, 3);
        toOrgDept = rw.transferred(rw.reportedLead(w.inspection, "违规选人", "ORGANIZATIONAL", person),
                ReceiverKind.ORG_DEPT, w.countyA, null, 3);
        toAudit = rw.transferred(rw.reportedLead(w.noDeputy, "审计问题", "WORK", person),
                ReceiverKind.DEPARTMENT, w.countyA, "甲县审计局", 3);
        ofCountyB = rw.transferred(rw.reportedLead(w.inspectionB, "乙县线索", "INTEGRITY", person),
                ReceiverKind.DISCIPLINE, w.countyB, null, 3);
    }

    List<Long> rows(String who, boolean figures) {
        DataScope s = rw.scope(who);
        String clause = figures ? ReferralScope.figures(s, "t") : ReferralScope.readable(s, "t");
        return ReferralScope.bind(jdbc.sql("SELECT t.id FROM transfer_item t WHERE t.id IN (:mine) AND" + clause
                + " ORDER BY t.id"), s).param("mine", List.of(toDiscipline, toOrgDept, toAudit, ofCountyB))
                .query(Long.class).list();
    }

    @Test
    void eachReceiverReadsWhatWasTransferredToItsBodyAndKindOnly() {
        assertThat(rows("discipline-a", false)).containsExactly(toDiscipline);
        assertThat(rows("orgdept-a", false)).containsExactly(toOrgDept);
        assertThat(rows("audit-dept", false)).containsExactly(toAudit);
        assertThat(rows("civil-dept", false)).as("a collaborator of another department").isEmpty();
        assertThat(rows("collaborator-a", false)).as("a collaborator without a department").isEmpty();
        assertThat(rows("discipline-b", false)).containsExactly(ofCountyB);
        assertThat(rows("orgdept-b", false)).isEmpty();
    }

    @Test
    void officesReadTheirBodiesItemsTheTeamItsInspectionsAndTheLeadingGroupOnlyCounts() {
        assertThat(rows("office-a", false)).containsExactly(toDiscipline, toOrgDept, toAudit);
        assertThat(rows("office-b", false)).containsExactly(ofCountyB);
        assertThat(rows("office-city", false)).containsExactly(toDiscipline, toOrgDept, toAudit, ofCountyB);
        assertThat(rows("team-leader", false)).containsExactly(toDiscipline, toOrgDept);
        assertThat(rows("nd-member", false)).containsExactly(toAudit);
        assertThat(rows("leader-a", false)).isEmpty();
        assertThat(rows("leader-a", true)).containsExactly(toDiscipline, toOrgDept, toAudit);
        for (String who : List.of("target-a1")) {
            assertThat(rows(who, false)).as(who).isEmpty();
            assertThat(rows(who, true)).as(who).isEmpty();
        }
    }

    @Test
    void onlyTheOfficeOfTheTransferringBodyActsOnItsItems() {
        DataScope a = rw.scope("office-a");
        DataScope city = rw.scope("office-city");
        String sql = "SELECT t.id FROM transfer_item t WHERE t.id IN (:mine) AND";
        var mine = List.of(toDiscipline, toOrgDept, toAudit, ofCountyB);
        assertThat(ReferralScope.bind(jdbc.sql(sql + ReferralScope.officeWritable(a, "t") + " ORDER BY t.id"), a)
                .param("mine", mine).query(Long.class).list()).containsExactly(toDiscipline, toOrgDept, toAudit);
        assertThat(ReferralScope.bind(jdbc.sql(sql + ReferralScope.officeWritable(city, "t")), city)
                .param("mine", mine).query(Long.class).list()).isEmpty();
        DataScope discipline = rw.scope("discipline-a");
        assertThat(ReferralScope.bind(jdbc.sql(sql + ReferralScope.officeWritable(discipline, "t")), discipline)
                .param("mine", mine).query(Long.class).list()).isEmpty();
    }
}
