package org.xuncha.referral.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The reply term's date arithmetic and the progress cycles, by hand-worked dates. */
class OfficeReplyTermTests {

    static final OfficeReplyTerm DEFAULT = new OfficeReplyTerm(3, 7, ProgressCycle.MONTHLY, 0);

    @Test
    void threeCalendarMonthsEndOnTheLastDayOfAShorterMonth() {
        assertThat(DEFAULT.dueOn(LocalDate.of(2026, 11, 30))).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(DEFAULT.dueOn(LocalDate.of(2026, 11, 28))).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(DEFAULT.dueOn(LocalDate.of(2026, 8, 31))).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(DEFAULT.dueOn(LocalDate.of(2027, 11, 30))).as("leap year").isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(DEFAULT.dueOn(LocalDate.of(2026, 12, 15))).isEqualTo(LocalDate.of(2027, 3, 15));
        // A due date in a public holiday stays where the calendar months put it: 2027-02-08 is 正月初三, in 春节
        assertThat(DEFAULT.dueOn(LocalDate.of(2026, 11, 8))).isEqualTo(LocalDate.of(2027, 2, 8));
    }

    @Test
    void theReminderShowsTheSeventhDayBeforeTheDueDate() {
        assertThat(DEFAULT.remindOn(LocalDate.of(2027, 2, 28))).isEqualTo(LocalDate.of(2027, 2, 21));
        assertThat(DEFAULT.remindOn(LocalDate.of(2027, 3, 3))).isEqualTo(LocalDate.of(2027, 2, 24));
        assertThat(new OfficeReplyTerm(2, 0, ProgressCycle.MONTHLY, 1).remindOn(LocalDate.of(2027, 3, 3)))
                .isEqualTo(LocalDate.of(2027, 3, 3));
    }

    @Test
    void cyclesAreCalendarAligned() {
        LocalDate mid = LocalDate.of(2026, 12, 15);
        assertThat(ProgressCycle.MONTHLY.periodStart(mid)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(ProgressCycle.BIMONTHLY.periodStart(mid)).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(ProgressCycle.QUARTERLY.periodStart(mid)).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(ProgressCycle.BIMONTHLY.periodStart(LocalDate.of(2027, 2, 28))).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(ProgressCycle.QUARTERLY.periodStart(LocalDate.of(2027, 3, 31))).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(ProgressCycle.QUARTERLY.periodStart(LocalDate.of(2027, 4, 1))).isEqualTo(LocalDate.of(2027, 4, 1));
    }

    @Test
    void aTermOutOfRangeIsNoTerm() {
        assertThatThrownBy(() -> new OfficeReplyTerm(0, 7, ProgressCycle.MONTHLY, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OfficeReplyTerm(3, -1, ProgressCycle.MONTHLY, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OfficeReplyTerm(3, 7, null, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
