package org.xuncha.rectification.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The office entries of {@code rectification_calendar_entry} (V8_34), always of one body named by the caller. */
@Repository
class CalendarRepository {

    private final JdbcClient jdbc;

    CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<OfficeCalendar.Entry> entries(long body, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT id, entry_on, kind, note, created_by_name, created_at FROM rectification_calendar_entry
                WHERE body_id = :b AND entry_on BETWEEN :from AND :to ORDER BY entry_on
                """).param("b", body).param("from", from).param("to", to)
                .query((rs, n) -> new OfficeCalendar.Entry(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        CalendarDayKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class))).list();
    }

    Optional<OfficeCalendar.Entry> entry(long body, long id) {
        return jdbc.sql("""
                SELECT id, entry_on, kind, note, created_by_name, created_at FROM rectification_calendar_entry
                WHERE body_id = :b AND id = :id
                """).param("b", body).param("id", id)
                .query((rs, n) -> new OfficeCalendar.Entry(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        CalendarDayKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class))).optional();
    }

    boolean exists(long body, LocalDate on) {
        return jdbc.sql("SELECT count(*) FROM rectification_calendar_entry WHERE body_id = :b AND entry_on = :d")
                .param("b", body).param("d", on).query(Long.class).single() > 0;
    }

    long insert(long body, LocalDate on, CalendarDayKind kind, String note, long user, String name,
                OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO rectification_calendar_entry (body_id, entry_on, kind, note, created_by, created_by_name,
                                                          created_at)
                VALUES (:b, :d, :k, :note, :u, :n, :at)
                """).param("b", body).param("d", on).param("k", kind.name()).param("note", note).param("u", user)
                .param("n", name).param("at", at).update();
        return jdbc.sql("SELECT id FROM rectification_calendar_entry WHERE body_id = :b AND entry_on = :d")
                .param("b", body).param("d", on).query(Long.class).single();
    }

    int delete(long body, long id) {
        return jdbc.sql("DELETE FROM rectification_calendar_entry WHERE body_id = :b AND id = :id")
                .param("b", body).param("id", id).update();
    }

    String bodyName(long body) {
        return jdbc.sql("SELECT name FROM inspection_body_view WHERE id = :b").param("b", body)
                .query(String.class).optional().orElse("");
    }
}
