package org.xuncha.rectification;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.BodyId;
import org.xuncha.rectification.calendar.CalendarDayKind;
import org.xuncha.rectification.calendar.NationalSchedule;

/**
 * 工作日 of an inspection body, for deadlines counted in working days (the 整改方案 within 15 working days of the
 * feedback). A day is a working day by, in this order: the office's own entry for its body
 * ({@code rectification_calendar_entry}), the national schedule of that year (法定节假日 off, 调休 weekends on,
 * {@link NationalSchedule}), the weekly rule (Monday–Friday). A year the schedule does not ship is weekends-only plus
 * the office's entries. Calendar data, not case data: it takes a body, no caller scope.
 */
@Service
public class WorkingDays {

    /** Office entries are read a window at a time; a count that runs past the window reads the next one. */
    private static final int WINDOW_DAYS = 120;

    private final JdbcClient jdbc;
    private final NationalSchedule national = NationalSchedule.shipped();

    WorkingDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public boolean isWorkingDay(BodyId body, LocalDate day) {
        return working(day, entries(body, day, day));
    }

    /**
     * The {@code days}-th working day after {@code from} ({@code from} itself is not counted, whether or not it is a
     * working day: a feedback delivered on Friday with 1 working day is due on the next working day). {@code days}
     * 0 gives {@code from}.
     */
    @Transactional(readOnly = true)
    public LocalDate plusWorkingDays(BodyId body, LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        LocalDate day = from;
        int left = days;
        LocalDate windowEnd = from;
        Map<LocalDate, Boolean> entries = new HashMap<>();
        while (left > 0) {
            day = day.plusDays(1);
            if (day.isAfter(windowEnd)) {
                windowEnd = day.plusDays(WINDOW_DAYS);
                entries = entries(body, day, windowEnd);
            }
            if (working(day, entries)) {
                left--;
            }
        }
        return day;
    }

    /**
     * The first day from which at most {@code days} working days remain until {@code deadline}, counting the working
     * days after that day up to and including the deadline (the day itself not counted, as in
     * {@link #plusWorkingDays}): the ({@code days}+1)-th working day counting back from the deadline, itself included.
     * So it is always a working day; with {@code days} 0 it is the deadline when that is a working day, else the
     * last working day before it. For the warnings "N working days before the 完成时限".
     */
    @Transactional(readOnly = true)
    public LocalDate firstDayWithin(BodyId body, LocalDate deadline, int days) {
        return counter(body).firstDayWithin(deadline, days);
    }

    /**
     * A counter over one body's calendar that reads the office's entries a year at a time and keeps them, for many
     * deadlines in one go (the warnings are computed per distinct deadline of a body). Not shared between requests:
     * it does not see entries changed after it read their year.
     */
    public Counter counter(BodyId body) {
        return new Counter(body);
    }

    /** See {@link #counter}. */
    public final class Counter {

        /** How far back a count may go before the calendar is deemed to have no working day at all. */
        private static final int MAX_BACK_DAYS = 3660;

        private final BodyId body;
        private final Map<Integer, Map<LocalDate, Boolean>> years = new HashMap<>();

        private Counter(BodyId body) {
            this.body = body;
        }

        public boolean isWorkingDay(LocalDate day) {
            return working(day, years.computeIfAbsent(day.getYear(),
                    y -> entries(body, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31))));
        }

        /** See {@link WorkingDays#firstDayWithin}. */
        public LocalDate firstDayWithin(LocalDate deadline, int days) {
            if (days < 0) {
                throw new IllegalArgumentException("days must not be negative: " + days);
            }
            LocalDate day = deadline;
            int found = 0;
            for (int back = 0; back <= MAX_BACK_DAYS; back++, day = day.minusDays(1)) {
                if (isWorkingDay(day) && ++found == days + 1) {
                    return day;
                }
            }
            throw new IllegalStateException("no " + (days + 1) + " working days in ten years before " + deadline);
        }
    }

    /** Whether the national schedule ships {@code year} (the calendar page says when it does not). */
    public boolean nationalScheduleShipped(int year) {
        return national.shipped(year);
    }

    private boolean working(LocalDate day, Map<LocalDate, Boolean> entries) {
        Boolean own = entries.get(day);
        if (own != null) {
            return own;
        }
        Optional<NationalSchedule.Day> listed = national.day(day);
        if (listed.isPresent()) {
            return listed.get().kind().working();
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private Map<LocalDate, Boolean> entries(BodyId body, LocalDate from, LocalDate to) {
        Map<LocalDate, Boolean> map = new HashMap<>();
        jdbc.sql("SELECT entry_on, kind FROM rectification_calendar_entry WHERE body_id = :b"
                        + " AND entry_on BETWEEN :from AND :to")
                .param("b", body.value()).param("from", from).param("to", to)
                .query((rs, n) -> map.put(rs.getObject(1, LocalDate.class),
                        CalendarDayKind.valueOf(rs.getString(2)).working())).list();
        return map;
    }
}
