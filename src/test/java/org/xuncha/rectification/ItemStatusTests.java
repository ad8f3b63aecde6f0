package org.xuncha.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The item's state machine as issue 14 §4 states it: who moves an item where, and when progress is taken. */
@Tag("pure")
class ItemStatusTests {

    @Test
    void theMainLineRunsFromNotStartedToSignedOff() {
        assertThat(ItemStatus.NOT_STARTED.afterProgress()).isEqualTo(ItemStatus.IN_PROGRESS);
        assertThat(ItemStatus.IN_PROGRESS.afterProgress()).isEqualTo(ItemStatus.IN_PROGRESS);
        assertThat(ItemStatus.IN_PROGRESS.move("REQUEST_SIGN_OFF")).get()
                .satisfies(m -> {
                    assertThat(m.to()).isEqualTo(ItemStatus.SIGN_OFF_REQUESTED);
                    assertThat(m.actor()).isEqualTo(ItemStatus.Actor.TARGET);
                });
        assertThat(ItemStatus.SIGN_OFF_REQUESTED.move("SIGN_OFF")).get()
                .satisfies(m -> {
                    assertThat(m.to()).isEqualTo(ItemStatus.SIGNED_OFF);
                    assertThat(m.actor()).isEqualTo(ItemStatus.Actor.OFFICE);
                    assertThat(m.needs()).isEqualTo(ItemStatus.Needs.OPINION);
                });
    }

    @Test
    void aRefusedSignOffGoesBackToInProgressWithReasons() {
        ItemStatus.Move back = ItemStatus.SIGN_OFF_REQUESTED.move("RETURN").orElseThrow();
        assertThat(back.to()).isEqualTo(ItemStatus.IN_PROGRESS);
        assertThat(back.needs()).isEqualTo(ItemStatus.Needs.REASON);
        assertThat(back.actor()).isEqualTo(ItemStatus.Actor.OFFICE);
    }

    @Test
    void signOffOnlyFromARequestAndNoStepSkipped() {
        for (ItemStatus s : ItemStatus.values()) {
            assertThat(s.move("SIGN_OFF").isPresent()).as(s.name()).isEqualTo(s == ItemStatus.SIGN_OFF_REQUESTED);
        }
        assertThat(ItemStatus.NOT_STARTED.canMoveTo(ItemStatus.SIGNED_OFF)).isFalse();
        assertThat(ItemStatus.NOT_STARTED.move("REQUEST_SIGN_OFF")).isEmpty();
        assertThat(ItemStatus.IN_PROGRESS.canMoveTo(ItemStatus.SIGNED_OFF)).isFalse();
    }

    @Test
    void longTermReopenedAndCannotRectify() {
        ItemStatus.Move longTerm = ItemStatus.SIGN_OFF_REQUESTED.move("LONG_TERM").orElseThrow();
        assertThat(longTerm.needs()).isEqualTo(ItemStatus.Needs.LONG_TERM_PLAN);
        assertThat(ItemStatus.LONG_TERM.move("CHECK").orElseThrow().to()).isEqualTo(ItemStatus.LONG_TERM);
        assertThat(ItemStatus.LONG_TERM.move("REQUEST_SIGN_OFF")).isPresent();
        assertThat(ItemStatus.SIGNED_OFF.move("REOPEN").orElseThrow().to()).isEqualTo(ItemStatus.REOPENED);
        assertThat(ItemStatus.REOPENED.move("REQUEST_SIGN_OFF")).isPresent();
        ItemStatus.Move ask = ItemStatus.IN_PROGRESS.move("REQUEST_CANNOT").orElseThrow();
        assertThat(ask.actor()).isEqualTo(ItemStatus.Actor.TARGET);
        assertThat(ask.needs()).isEqualTo(ItemStatus.Needs.REASON);
        assertThat(ItemStatus.CANNOT_RECTIFY_REQUESTED.move("APPROVE_CANNOT").orElseThrow().actor())
                .isEqualTo(ItemStatus.Actor.OFFICE);
        assertThat(ItemStatus.CANNOT_RECTIFY_REQUESTED.move("REFUSE_CANNOT").orElseThrow().to())
                .isEqualTo(ItemStatus.IN_PROGRESS);
        assertThat(ItemStatus.CANNOT_RECTIFY.moves()).isEmpty();
    }

    @Test
    void noProgressOnASignedOffOrUnfixableItem() {
        assertThat(ItemStatus.SIGNED_OFF.acceptsProgress()).isFalse();
        assertThat(ItemStatus.CANNOT_RECTIFY.acceptsProgress()).isFalse();
        assertThatThrownBy(ItemStatus.SIGNED_OFF::afterProgress).isInstanceOf(IllegalStateException.class);
        assertThat(ItemStatus.REOPENED.acceptsProgress()).isTrue();
        assertThat(ItemStatus.SIGNED_OFF.open()).isFalse();
        assertThat(ItemStatus.LONG_TERM.open()).isTrue();
    }

    @Test
    void theTargetOnlyAsksAndTheOfficeOnlyDecides() {
        for (ItemStatus s : ItemStatus.values()) {
            for (ItemStatus.Move m : s.moves()) {
                boolean asking = m.code().startsWith("REQUEST_");
                assertThat(m.actor()).as(m.code() + " from " + s)
                        .isEqualTo(asking ? ItemStatus.Actor.TARGET : ItemStatus.Actor.OFFICE);
            }
        }
    }
}
