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
