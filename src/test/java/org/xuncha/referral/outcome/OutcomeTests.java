package org.xuncha.referral.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.referral.Form;
import org.xuncha.referral.OutcomeKind;
import org.xuncha.referral.OutcomeRecorded;
import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.ReferralWorld;
import org.xuncha.referral.SurrenderRecorded;

/**
 * Outcome events on items of county A transferred to its 纪委监委 ten days ago and signed for (签收 written in SQL, as
 * referral.receiving writes it): who may record, each refusal of issue 13's "Bad input" with nothing changed, the
 * status the record moves the item to, corrections, 投案自首.
 */
@SpringBootTest(properties = "xuncha.test.context=referral")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RecordApplicationEvents
class OutcomeTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired FieldCipher cipher;
    @Autowired Outcomes outcomes;
    @Autowired ApplicationEvents events;

    ReferralWorld rw;
    int leads;

    @BeforeAll
    void world() {
        rw = new ReferralWorld(jdbc, encoder, clock, scopes, cipher, "out", "5891");
    }

    record Item(long id, long lead, List<Long> persons) {
    }

    /** A lead with {@code persons} persons transferred to county A's 纪委监委 ten days ago; signed when asked. */
    Item item(int persons, boolean signed) {
        var people = new java.util.ArrayList<ReferralWorld.Person>();
        for (int i = 1; i <= persons; i++) {
            people.add(new ReferralWorld.Person("某" + i, null, "科长", "SECTION"));
        }
        long lead = rw.reportedLead(rw.w.inspection, "线索" + (++leads), "INTEGRITY", people);
        long id = rw.transferred(lead, ReceiverKind.DISCIPLINE, rw.w.countyA, null, 10);
        if (signed) {
            OffsetDateTime at = clock.instant().atOffset(ZoneOffset.UTC).minusDays(9);
            jdbc.sql("""
                    UPDATE transfer_item SET status = 'SIGNED', signed_by = 1, signed_by_name = '纪委监委',
                           signed_at = :at, due_on = :due, row_version = row_version + 1 WHERE id = :id
                    """).param("at", at).param("due", today().plusMonths(3)).param("id", id).update();
        }
        return new Item(id, lead, rw.personIds(lead));
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    int version(long item) {
        return jdbc.sql("SELECT row_version FROM transfer_item WHERE id = :i").param("i", item).query(Integer.class)
                .single();
    }

    String status(long item) {
        return jdbc.sql("SELECT status FROM transfer_item WHERE id = :i").param("i", item).query(String.class).single();
    }

    long count(long item) {
        return jdbc.sql("SELECT count(*) FROM referral_outcome WHERE item_id = :i").param("i", item)
                .query(Long.class).single();
    }

    static OutcomeDraft d(OutcomeKind kind, String code, Long person, LocalDate on) {
        return new OutcomeDraft(kind, code, person, on, null, null, null);
    }

    long record(String who, Item item, OutcomeDraft draft) {
        return outcomes.recordOutcome(rw.scope(who), item.id(), version(item.id()), draft);
    }

    /** Refused with a message containing {@code words}, and the item and its events unchanged. */
    void refused(String who, Item item, OutcomeDraft draft, String words) {
        int v = version(item.id());
        String s = status(item.id());
        long n = count(item.id());
        assertThatThrownBy(() -> outcomes.recordOutcome(rw.scope(who), item.id(), v, draft))
                .isInstanceOf(UserInputException.class).hasMessageContaining(words);
        assertThat(version(item.id())).isEqualTo(v);
        assertThat(status(item.id())).isEqualTo(s);
        assertThat(count(item.id())).isEqualTo(n);
    }

    // ---- a petition item: intake's 办理结果 follows the current record ------------------------------------------

    String intakeOutcome(long petition) {
        return jdbc.sql("SELECT outcome FROM petition WHERE id = :p").param("p", petition).query(String.class)
                .optional().orElse(null);
    }

    List<String> intakeRevisions(long petition) {
        return jdbc.sql("SELECT revision_text FROM petition_text_revision WHERE petition_id = :p AND kind = 'OUTCOME'"
                + " ORDER BY revision_no").param("p", petition).query(String.class).list();
    }

    @Test
    void aPetitionItemsOutcomeInIntakeIsItsCurrentRecordAndIsClearedWhenNothingStands() {
        long petition = rw.disposedPetition(rw.w.inspection, "DISCIPLINE", null, "反映某站长虚报冒领补贴。", "丙举报",
                "13700000001");
        long id = rw.transferredPetition(petition, ReceiverKind.DISCIPLINE, rw.w.countyA, null, 10);
        jdbc.sql("UPDATE transfer_item SET status = 'SIGNED', signed_by = 1, signed_by_name = '纪委监委', signed_at = :at,"
                + " due_on = :due, row_version = row_version + 1 WHERE id = :id")
                .param("at", clock.instant().atOffset(ZoneOffset.UTC).minusDays(9))
                .param("due", today().plusMonths(3)).param("id", id).update();
        var who = rw.scope("discipline-a");
        LocalDate day = today().minusDays(5);
        long check = outcomes.recordOutcome(who, id, version(id),
                new OutcomeDraft(OutcomeKind.HANDLING_WAY, "PRELIMINARY_CHECK", null, day, null, null, "属实"));
        assertThat(intakeOutcome(petition)).isEqualTo("处置方式：初步核实（" + day + "） 属实");
        long filed = outcomes.recordOutcome(who, id, version(id), d(OutcomeKind.CASE_FILED, null, null, day.plusDays(1)));
        assertThat(intakeOutcome(petition)).isEqualTo("处置方式：初步核实（" + day + "） 属实；立案（" + day.plusDays(1) + "）");
        // a correction replaces what it corrects, in intake too
        long fixed = outcomes.correctOutcome(who, id, version(id), filed,
                d(OutcomeKind.CASE_FILED, null, null, day.plusDays(2)));
        assertThat(intakeOutcome(petition)).isEqualTo("处置方式：初步核实（" + day + "） 属实；立案（" + day.plusDays(2) + "）");
        // a retraction takes it out: what still stands is what intake shows
        outcomes.correctOutcome(who, id, version(id), fixed,
                new OutcomeDraft(OutcomeKind.RETRACTED, null, null, null, null, null, "误录"));
        assertThat(intakeOutcome(petition)).isEqualTo("处置方式：初步核实（" + day + "） 属实");
        // nothing stands: intake's outcome is cleared (the team cannot close on it), the history keeps every version
        outcomes.correctOutcome(who, id, version(id), check,
                new OutcomeDraft(OutcomeKind.RETRACTED, null, null, null, null, null, "误录"));
        assertThat(intakeOutcome(petition)).isNull();
        assertThat(jdbc.sql("SELECT outcome_at FROM petition WHERE id = :p").param("p", petition)
                .query(OffsetDateTime.class).optional()).isEmpty();
        assertThat(intakeRevisions(petition)).hasSize(5).last().isEqualTo("（办理结果已全部撤销，当前无有效办理结果）");
        // and a new event stands again
        outcomes.recordOutcome(who, id, version(id), d(OutcomeKind.HANDLING_WAY, "TALK_INQUIRY", null, day.plusDays(3)));
        assertThat(intakeOutcome(petition)).isEqualTo("处置方式：谈话函询（" + day.plusDays(3) + "）");
        assertThat(intakeRevisions(petition)).hasSize(6);
    }

    // ---- the path of an item ---------------------------------------------------------------------------------

    @Test
    void aCaseFromPreliminaryCheckToClosureMovesTheItemAndIsAuditedAndPublished() {
        Item it = item(2, true);
        long p1 = it.persons().get(0);
        LocalDate day = today().minusDays(5);
        record("discipline-a", it, d(OutcomeKind.HANDLING_WAY, "PRELIMINARY_CHECK", null, day));
        assertThat(status(it.id())).isEqualTo("HANDLING");
        record("discipline-a", it, d(OutcomeKind.CASE_FILED, null, p1, day.plusDays(1)));
        record("discipline-a", it, d(OutcomeKind.PARTY_SANCTION, "SERIOUS_WARNING", p1, day.plusDays(2)));
        assertThat(status(it.id())).isEqualTo("HANDLING");
        long closing = record("discipline-a", it, d(OutcomeKind.CASE_CLOSED, null, p1, day.plusDays(3)));
        assertThat(status(it.id())).isEqualTo("CLOSED");
        assertThat(jdbc.sql("SELECT closed_on FROM transfer_item WHERE id = :i").param("i", it.id())
                .query(LocalDate.class).single()).isEqualTo(day.plusDays(3));
        var view = outcomes.outcomesOf(rw.scope("discipline-a"), it.id());
        assertThat(view.forms()).containsEntry(p1, Form.SECOND).doesNotContainKey(it.persons().get(1));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'OUTCOME_RECORDED'"
                + " AND object_type = 'ReferralOutcome' AND detail LIKE :d").param("d", "item=" + it.id() + ";%")
                .query(Long.class).single()).isEqualTo(4);
        OutcomeRecorded last = events.stream(OutcomeRecorded.class).filter(e -> e.outcomeId() == closing)
                .findFirst().orElseThrow();
        assertThat(last.closedItem()).isTrue();
        assertThat(last.kind()).isEqualTo(OutcomeKind.CASE_CLOSED);
        assertThat(last.personId()).isEqualTo(p1);
        assertThat(last.inspection().value()).isEqualTo(rw.w.inspection);
    }

    @Test
    void concludingALeadWithoutACaseClosesItButShelvingDoesNot() {
        Item shelved = item(1, true);
        record("discipline-a", shelved, d(OutcomeKind.HANDLING_WAY, "SHELVED", null, today()));
        assertThat(status(shelved.id())).isEqualTo("HANDLING");
        Item concluded = item(1, true);
        record("office-a", concluded, d(OutcomeKind.HANDLING_WAY, "CONCLUDED", null, today()));
        assertThat(status(concluded.id())).as("the office on the receiver's behalf; SIGNED → CLOSED").isEqualTo("CLOSED");
    }

    // ---- refusals ---------------------------------------------------------------------------------------------

    @Test
    void nothingIsRecordedBeforeTheReceiverSignedFor() {
        Item it = item(1, false);
        refused("discipline-a", it, d(OutcomeKind.HANDLING_WAY, "TALK_INQUIRY", null, today()), "签收");
    }

    @Test
    void aDateBeforeTheTransferOrInTheFutureIsRefused() {
        Item it = item(1, true);
        refused("discipline-a", it, d(OutcomeKind.HANDLING_WAY, "TALK_INQUIRY", null, today().minusDays(11)),
                "不能早于移交日期");
        refused("discipline-a", it, d(OutcomeKind.HANDLING_WAY, "TALK_INQUIRY", null, today().plusDays(1)),
                "不能晚于今天");
        refused("discipline-a", it, d(OutcomeKind.HANDLING_WAY, "TALK_INQUIRY", null, null), "请填写");
    }

    @Test
    void aSanctionForAPersonNotOnTheLeadIsRefused() {
        Item it = item(1, true);
        Item other = item(1, true);
        refused("discipline-a", it, d(OutcomeKind.PARTY_SANCTION, "WARNING", other.persons().get(0), today()),
                "不是本线索的涉及人员");
        refused("discipline-a", it, d(OutcomeKind.PARTY_SANCTION, "WARNING", null, today()), "须选择线索涉及的人员");
        refused("discipline-a", it, d(OutcomeKind.PARTY_SANCTION, "DEMERIT", it.persons().get(0), today()),
                "不属于“党纪处分”");
    }

    @Test
    void aNegativeAmountIsRefused() {
        Item it = item(1, true);
        refused("discipline-a", it, new OutcomeDraft(OutcomeKind.MONEY, null, null, today(), -1L, null, null),
                "不能为负数");
        refused("discipline-a", it, new OutcomeDraft(OutcomeKind.MONEY, null, null, today(), 0L, 0L, null),
                "请填写追缴资金或挽回损失的金额");
    }

    @Test
    void aClosureWithoutAFilingAndAConclusionOfAFiledCaseAreRefused() {
        Item it = item(1, true);
        refused("discipline-a", it, d(OutcomeKind.CASE_CLOSED, null, null, today()), "立案");
        record("discipline-a", it, d(OutcomeKind.CASE_FILED, null, null, today()));
        refused("discipline-a", it, d(OutcomeKind.HANDLING_WAY, "CONCLUDED", null, today()), "不能予以了结");
    }

    @Test
    void aClosedItemTakesOnlyCorrectionsThatKeepItClosed() {
        Item it = item(1, true);
        long p = it.persons().get(0);
        long filed = record("discipline-a", it, d(OutcomeKind.CASE_FILED, null, p, today().minusDays(3)));
        long closed = record("discipline-a", it, d(OutcomeKind.CASE_CLOSED, null, p, today().minusDays(2)));
        refused("discipline-a", it, d(OutcomeKind.PARTY_SANCTION, "WARNING", p, today()), "已办结");
        int v = version(it.id());
        assertThatThrownBy(() -> outcomes.correctOutcome(rw.scope("discipline-a"), it.id(), v, filed,
                new OutcomeDraft(OutcomeKind.RETRACTED, null, null, null, null, null, "误录")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("立案");
        assertThatThrownBy(() -> outcomes.correctOutcome(rw.scope("discipline-a"), it.id(), v, closed,
                new OutcomeDraft(OutcomeKind.RETRACTED, null, null, null, null, null, "误录")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已办结");
        assertThat(count(it.id())).isEqualTo(2);
        // the 结案 date corrected: still closed, on the new date
        outcomes.correctOutcome(rw.scope("discipline-a"), it.id(), v, closed,
                d(OutcomeKind.CASE_CLOSED, null, p, today().minusDays(1)));
        assertThat(status(it.id())).isEqualTo("CLOSED");
        assertThat(jdbc.sql("SELECT closed_on FROM transfer_item WHERE id = :i").param("i", it.id())
                .query(LocalDate.class).single()).isEqualTo(today().minusDays(1));
    }

    @Test
    void anEntryOnAStaleVersionIsRefused() {
        Item it = item(1, true);
        int read = version(it.id());
        record("discipline-a", it, d(OutcomeKind.HANDLING_WAY, "TALK_INQUIRY", null, today()));
        long n = count(it.id());
        assertThatThrownBy(() -> outcomes.recordOutcome(rw.scope("office-a"), it.id(), read,
                d(OutcomeKind.HANDLING_WAY, "PRELIMINARY_CHECK", null, today())))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已被他人更新");
        assertThat(count(it.id())).isEqualTo(n);
    }

    // ---- corrections ------------------------------------------------------------------------------------------

    @Test
    void aCorrectionReplacesTheEventItNamesOnce() {
        Item it = item(1, true);
        long p = it.persons().get(0);
        long warning = record("discipline-a", it, d(OutcomeKind.PARTY_SANCTION, "WARNING", p, today()));
        outcomes.correctOutcome(rw.scope("discipline-a"), it.id(), version(it.id()), warning,
                d(OutcomeKind.PARTY_SANCTION, "PROBATION", p, today()));
        var view = outcomes.outcomesOf(rw.scope("discipline-a"), it.id());
        assertThat(view.forms()).containsEntry(p, Form.THIRD);
        assertThat(view.events()).hasSize(2);
        assertThat(view.current(view.events().get(0))).isFalse();
        assertThatThrownBy(() -> outcomes.correctOutcome(rw.scope("discipline-a"), it.id(), version(it.id()),
                warning, d(OutcomeKind.PARTY_SANCTION, "EXPULSION", p, today())))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已被更正");
        assertThatThrownBy(() -> record("discipline-a", it,
                new OutcomeDraft(OutcomeKind.RETRACTED, null, null, null, null, null, "x")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("只能用于更正");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'OUTCOME_CORRECTED' AND detail LIKE :d")
                .param("d", "item=" + it.id() + ";%corrects=" + warning + "%").query(Long.class).single())
                .isEqualTo(1);
    }

    // ---- scope ------------------------------------------------------------------------------------------------

    @Test
    void onlyTheReceiverAndTheTransferringOfficeRecord() {
        Item it = item(1, true);
        OutcomeDraft talk = d(OutcomeKind.HANDLING_WAY, "TALK_INQUIRY", null, today());
        int v = version(it.id());
        for (String who : List.of("target-a1", "discipline-b", "orgdept-a", "audit-dept", "leader-a")) {
            assertThatThrownBy(() -> outcomes.recordOutcome(rw.scope(who), it.id(), v, talk)).as(who)
                    .isInstanceOf(NotFoundInScope.class);
            assertThatThrownBy(() -> outcomes.outcomesOf(rw.scope(who), it.id())).as(who)
                    .isInstanceOf(NotFoundInScope.class);
        }
        for (String who : List.of("team-leader", "office-city", "office-b")) {
            if (who.equals("office-b")) {
                assertThatThrownBy(() -> outcomes.recordOutcome(rw.scope(who), it.id(), v, talk)).as(who)
                        .isInstanceOf(NotFoundInScope.class);
                continue;
            }
            assertThat(outcomes.outcomesOf(rw.scope(who), it.id()).canRecord()).as(who).isFalse();
            assertThatThrownBy(() -> outcomes.recordOutcome(rw.scope(who), it.id(), v, talk)).as(who)
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(count(it.id())).isZero();
        assertThat(outcomes.outcomesOf(rw.scope("discipline-a"), it.id()).canRecord()).isTrue();
        assertThat(outcomes.outcomesOf(rw.scope("office-a"), it.id()).canRecord()).isTrue();
    }

    // ---- 投案自首 --------------------------------------------------------------------------------------------

    @Test
    void theDisciplineBodyRecordsSurrendersOfItsOwnInspectionsOnly() {
        var a = rw.scope("discipline-a");
        long before = outcomes.surrenders(a, 0, 50).total();
        long id = outcomes.recordSurrender(a, today(), rw.w.inspection, null);
        outcomes.recordSurrender(a, today().minusDays(30), null, "主动交代");
        assertThat(outcomes.surrenders(a, 0, 50).total()).isEqualTo(before + 2);
        assertThat(outcomes.surrenders(rw.scope("discipline-b"), 0, 50).items()).extracting(s -> s.id())
                .doesNotContain(id);
        assertThatThrownBy(() -> outcomes.recordSurrender(a, today(), rw.w.inspectionB, null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("不是本级党委的巡察");
        assertThatThrownBy(() -> outcomes.recordSurrender(a, today().plusDays(1), null, null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("不能晚于今天");
        assertThatThrownBy(() -> outcomes.recordSurrender(rw.scope("office-a"), today(), null, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(outcomes.surrenders(a, 0, 50).total()).isEqualTo(before + 2);
        assertThat(events.stream(SurrenderRecorded.class).filter(e -> e.surrenderId() == id)
                .findFirst().orElseThrow().inspection().value()).isEqualTo(rw.w.inspection);
    }
}
