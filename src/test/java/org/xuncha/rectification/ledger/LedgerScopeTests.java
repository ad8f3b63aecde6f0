package org.xuncha.rectification.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.DataScope;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.NotFoundInScope;

/**
 * Scope per role (issue 14 §8), filtered in the ledger's SQL: county A's item {@link #a1Item} (a1, inspection
 * {@code w.feedback}), {@link #a2Item} (a2, inspection {@code w.inspection}), county B's {@link #b1Item}. A TARGET of
 * another organization and the office of another county find nothing (404); the city office reads its counties but
 * decides nothing there; DISCIPLINE, ORG_DEPT and the leading group read and never edit; a team reads its own
 * inspection's items only; the COLLABORATOR reads nothing.
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-ledger")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerScopeTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired LedgerItems items;

    LedgerWorld lw;
    long a1Item;
    long a2Item;
    long b1Item;

    @BeforeAll
    void world() {
        lw = new LedgerWorld(jdbc, encoder, clock, scopes, "lsc", "5934");
        long f1 = lw.deliveredFeedback(lw.w.feedback, lw.w.a1, 30);
        a1Item = lw.item(lw.plan(f1, "APPROVED"), lw.problem(f1, 1, "甲一问题"), 1, 15, "IN_PROGRESS");
        long f2 = lw.deliveredFeedback(lw.w.inspection, lw.a2, 30);
        a2Item = lw.item(lw.plan(f2, "APPROVED"), lw.problem(f2, 1, "甲二问题"), 1, 15, "IN_PROGRESS");
        long f3 = lw.deliveredFeedback(lw.w.inspectionB, lw.b1, 30);
        b1Item = lw.item(lw.plan(f3, "APPROVED"), lw.problem(f3, 1, "乙一问题"), 1, 15, "IN_PROGRESS");
    }

    List<Long> ledger(String who) {
        return items.ledger(lw.scope(who), LedgerFilter.none(), 0, 200).items().stream()
                .map(LedgerRepository.Item::id).toList();
    }

    void notFound(String who, long item) {
        DataScope s = lw.scope(who);
        assertThatThrownBy(() -> items.item(s, item)).as(who).isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> items.reportProgress(s, item, 1, new ProgressDraft("x", null, null, List.of())))
                .as(who).isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> items.move(s, item, 1, new MoveDraft("LONG_TERM", null, "m",
                lw.today().plusDays(9), "o", null, null))).as(who).isInstanceOf(NotFoundInScope.class);
    }

    void readsButNeverEdits(String who, long item) {
        DataScope s = lw.scope(who);
        assertThat(items.item(s, item).id()).isEqualTo(item);
        assertThat(items.page(s, item).actions()).as(who).isEmpty();
        assertThat(items.page(s, item).canReport()).as(who).isFalse();
        int v = lw.version(item);
        assertThatThrownBy(() -> items.reportProgress(s, item, v, new ProgressDraft("x", null, null, List.of())))
                .as(who).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> items.move(s, item, v, new MoveDraft("LONG_TERM", null, "m",
                lw.today().plusDays(9), "o", null, null))).as(who).isInstanceOf(AccessDeniedException.class);
        assertThat(lw.version(item)).isEqualTo(v);
    }

    @Test
    void theTargetSeesAndEditsOnlyItsOwnOrganization() {
        assertThat(ledger("target-a1")).containsExactly(a1Item);
        assertThat(ledger("target-a2")).containsExactly(a2Item);
        assertThat(items.page(lw.scope("target-a1"), a1Item).canReport()).isTrue();
        notFound("target-a2", a1Item);
        notFound("target-b1", a1Item);
        notFound("target-a1", b1Item);
        // the TARGET asks, never decides
        assertThatThrownBy(() -> items.move(lw.scope("target-a1"), a1Item, lw.version(a1Item), new MoveDraft(
                "LONG_TERM", null, "m", lw.today().plusDays(9), "o", null, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theOfficeDecidesForItsBodyAndAnotherCountyIsNotFound() {
        assertThat(ledger("office-a")).containsExactlyInAnyOrder(a1Item, a2Item);
        assertThat(items.page(lw.scope("office-a"), a1Item).actions()).isNotEmpty();
        assertThat(ledger("office-b")).containsExactly(b1Item);
        notFound("office-b", a1Item);
        notFound("office-a", b1Item);
    }

    @Test
    void theCityOfficeReadsItsCountiesButDecidesNothingThere() {
        assertThat(ledger("office-city")).containsExactlyInAnyOrder(a1Item, a2Item, b1Item);
        readsButNeverEdits("office-city", a1Item);
        readsButNeverEdits("office-city", b1Item);
    }

    @Test
    void disciplineOrgDeptAndTheLeadingGroupReadTheirBodyAndNeverEdit() {
        for (String who : List.of("discipline-a", "orgdept-a", "leader-a")) {
            assertThat(ledger(who)).as(who).containsExactlyInAnyOrder(a1Item, a2Item);
            readsButNeverEdits(who, a1Item);
            notFound(who, b1Item);
        }
    }

    @Test
    void aTeamReadsItsOwnInspectionOnly() {
        assertThat(ledger("fb-member")).containsExactly(a1Item);
        readsButNeverEdits("fb-member", a1Item);
        notFound("fb-member", a2Item);
        assertThat(ledger("writer")).containsExactly(a2Item);
        assertThat(ledger("b-leader")).containsExactly(b1Item);
    }

    @Test
    void aCollaboratorReadsNothing() {
        assertThat(ledger("collaborator-a")).isEmpty();
        notFound("collaborator-a", a1Item);
    }
}
