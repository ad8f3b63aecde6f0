package org.xuncha.referral.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xuncha.referral.Form;
import org.xuncha.referral.OutcomeKind;

/** The current record, the 结案/予以了结 rules and the closure date, on events written by hand. */
@Tag("pure")
class OutcomeLedgerTests {

    static final LocalDate D1 = LocalDate.of(2026, 3, 2);
    static final LocalDate D2 = LocalDate.of(2026, 4, 10);
    static final LocalDate D3 = LocalDate.of(2026, 5, 20);

    final List<OutcomeEvent> events = new ArrayList<>();

    OutcomeEvent add(OutcomeKind kind, String code, Long person, LocalDate on) {
        return add(kind, code, person, on, null);
    }

    OutcomeEvent add(OutcomeKind kind, String code, Long person, LocalDate on, Long corrects) {
        OutcomeEvent e = new OutcomeEvent(events.size() + 1, person, kind, code, on, 0, 0, null, corrects, "甲", null);
        events.add(e);
        return e;
    }

    OutcomeLedger ledger() {
        return OutcomeLedger.of(events);
    }

    @Test
    void aHandlingWayOrAShelvingLeavesTheItemOpen() {
        add(OutcomeKind.HANDLING_WAY, "PRELIMINARY_CHECK", null, D1);
        add(OutcomeKind.HANDLING_WAY, "SHELVED", null, D2);
        assertThat(ledger().problem()).isNull();
        assertThat(ledger().closedOn()).isEmpty();
    }

    @Test
    void concludingWithoutACaseClosesOnItsDate() {
        add(OutcomeKind.HANDLING_WAY, "TALK_INQUIRY", null, D1);
        add(OutcomeKind.HANDLING_WAY, "CONCLUDED", null, D2);
        assertThat(ledger().problem()).isNull();
        assertThat(ledger().closedOn()).contains(D2);
    }

    @Test
    void aClosureNeedsAFilingOfTheSamePersonOnOrBeforeIt() {
        add(OutcomeKind.CASE_CLOSED, null, 7L, D2);
        assertThat(ledger().problem()).contains("立案");
        events.clear();
        add(OutcomeKind.CASE_FILED, null, 8L, D1);
        add(OutcomeKind.CASE_CLOSED, null, 7L, D2);
        assertThat(ledger().problem()).as("another person's 立案").contains("立案");
        events.clear();
        add(OutcomeKind.CASE_FILED, null, 7L, D3);
        add(OutcomeKind.CASE_CLOSED, null, 7L, D2);
        assertThat(ledger().problem()).as("立案 after the 结案").contains("立案");
        events.clear();
        add(OutcomeKind.CASE_FILED, null, 7L, D2);
        add(OutcomeKind.CASE_CLOSED, null, 7L, D2);
        assertThat(ledger().problem()).as("same day").isNull();
    }

    @Test
    void theItemClosesWhenEveryFilingHasItsClosure() {
        add(OutcomeKind.CASE_FILED, null, 7L, D1);
        add(OutcomeKind.CASE_FILED, null, 8L, D1);
        add(OutcomeKind.CASE_CLOSED, null, 7L, D2);
        assertThat(ledger().problem()).isNull();
        assertThat(ledger().closedOn()).as("person 8 still open").isEmpty();
        add(OutcomeKind.CASE_CLOSED, null, 8L, D3);
        assertThat(ledger().closedOn()).contains(D3);
    }

    @Test
    void aFiledCaseIsNotConcluded() {
        add(OutcomeKind.CASE_FILED, null, null, D1);
        add(OutcomeKind.HANDLING_WAY, "CONCLUDED", null, D2);
        assertThat(ledger().problem()).isEqualTo("已立案的线索以结案办结，不能予以了结");
    }

    @Test
    void aCorrectedEventNoLongerCountsAndARetractionCountsAsNothing() {
        OutcomeEvent warning = add(OutcomeKind.PARTY_SANCTION, "WARNING", 7L, D1);
        OutcomeEvent probation = add(OutcomeKind.PARTY_SANCTION, "PROBATION", 8L, D1);
        assertThat(ledger().forms()).isEqualTo(Map.of(7L, Form.SECOND, 8L, Form.THIRD));
        // person 7's 警告 corrected to 开除党籍; person 8's 留党察看 retracted
        add(OutcomeKind.PARTY_SANCTION, "EXPULSION", 7L, D2, warning.id());
        add(OutcomeKind.RETRACTED, null, null, D2, probation.id());
        assertThat(ledger().current()).extracting(OutcomeEvent::code).containsExactly("EXPULSION");
        assertThat(ledger().forms()).isEqualTo(Map.of(7L, Form.THIRD));
        assertThat(ledger().correctable(warning.id())).isFalse();
        assertThat(ledger().correctable(4)).as("a retraction is not corrected again").isFalse();
        assertThat(ledger().correctable(3)).isTrue();
    }

    @Test
    void retractingTheFilingOfAClosedCaseBreaksTheRule() {
        OutcomeEvent filed = add(OutcomeKind.CASE_FILED, null, 7L, D1);
        add(OutcomeKind.CASE_CLOSED, null, 7L, D2);
        add(OutcomeKind.RETRACTED, null, null, D3, filed.id());
        assertThat(ledger().problem()).contains("立案");
    }
}
