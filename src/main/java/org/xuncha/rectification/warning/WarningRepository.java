package org.xuncha.rectification.warning;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the warnings: the offices' thresholds ({@code rectification_warning_term}, V8_45) and the warning start dates
 * of {@code rectification_item} (warn_green_on, warn_yellow_on). Calendar data and derived dates, not a caller's
 * read: the services name the body or the items, and no row of case text is returned.
 */
@Repository
class WarningRepository {

    /** Items that carry a warning: neither 已销号 nor 不能整改 (ItemStatus.open). */
    static final String OPEN = " i.status <> 'SIGNED_OFF' AND i.status <> 'CANNOT_RECTIFY'";

    private final JdbcClient jdbc;

    WarningRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<WarningTerms.Term> term(long body) {
        return jdbc.sql("""
                SELECT green_working_days, yellow_working_days, row_version, updated_by_name, updated_at
                FROM rectification_warning_term WHERE body_id = :b
                """).param("b", body)
                .query((rs, n) -> new WarningTerms.Term(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class))).optional();
    }

    void insertTerm(long body, int green, int yellow, long user, String name, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO rectification_warning_term (body_id, green_working_days, yellow_working_days, row_version,
                                                        updated_by, updated_by_name, updated_at)
                VALUES (:b, :g, :y, 1, :u, :n, :at)
                """).param("b", body).param("g", green).param("y", yellow).param("u", user).param("n", name)
                .param("at", at).update();
    }

    int updateTerm(long body, int version, int green, int yellow, long user, String name, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE rectification_warning_term SET green_working_days = :g, yellow_working_days = :y,
                       row_version = row_version + 1, updated_by = :u, updated_by_name = :n, updated_at = :at
                WHERE body_id = :b AND row_version = :v
                """).param("b", body).param("v", version).param("g", green).param("y", yellow).param("u", user)
                .param("n", name).param("at", at).update();
    }

    String bodyName(long body) {
        return jdbc.sql("SELECT name FROM inspection_body_view WHERE id = :b").param("b", body)
                .query(String.class).optional().orElse("");
    }

    /** A deadline of open items with the start dates they hold now (null when not computed). */
    record Held(LocalDate due, LocalDate green, LocalDate yellow) {
    }

    /**
     * The distinct deadlines of the body's open items that {@code where} picks (a condition on alias i), each with
     * every distinct pair of start dates its items hold: one row per deadline when they agree.
     */
    List<Held> held(long body, String where, Map<String, ?> params) {
        return jdbc.sql("SELECT i.due_on, i.warn_green_on, i.warn_yellow_on FROM rectification_item i"
                        + " WHERE i.body_id = :b AND" + OPEN + where
                        + " GROUP BY i.due_on, i.warn_green_on, i.warn_yellow_on ORDER BY i.due_on")
                .params(params).param("b", body)
                .query((rs, n) -> new Held(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class))).list();
    }

    /**
     * Sets the start dates on the body's open items due on {@code due} that {@code where} picks and do not have them
     * yet; returns how many changed. Derived data: neither row_version nor updated_at moves, so a recompute never
     * makes a person's edit of the item stale.
     */
    int setDates(long body, LocalDate due, LocalDate green, LocalDate yellow, String where, Map<String, ?> params) {
        return jdbc.sql("UPDATE rectification_item i SET warn_green_on = :g, warn_yellow_on = :y"
                        + " WHERE i.body_id = :b AND i.due_on = :due AND" + OPEN + where
                        + " AND (i.warn_green_on IS NULL OR i.warn_yellow_on IS NULL OR i.warn_green_on <> :g"
                        + " OR i.warn_yellow_on <> :y)")
                .params(params).param("b", body).param("due", due).param("g", green).param("y", yellow).update();
    }

    /** Clears the dates of an item that is no longer open (signed off, ruled unfixable). */
    int clear(long item) {
        return jdbc.sql("""
                UPDATE rectification_item SET warn_green_on = NULL, warn_yellow_on = NULL
                WHERE id = :id AND (warn_green_on IS NOT NULL OR warn_yellow_on IS NOT NULL)
                """).param("id", item).update();
    }

    List<Long> bodiesOfItems(Collection<Long> items) {
        return jdbc.sql("SELECT DISTINCT body_id FROM rectification_item WHERE id IN (:ids) ORDER BY body_id")
                .param("ids", items).query(Long.class).list();
    }

    List<Long> bodiesOfPlan(long plan) {
        return jdbc.sql("SELECT DISTINCT body_id FROM rectification_item WHERE plan_id = :p ORDER BY body_id")
                .param("p", plan).query(Long.class).list();
    }

    /** The bodies with open items. */
    List<Long> bodiesWithOpenItems() {
        return jdbc.sql("SELECT DISTINCT i.body_id FROM rectification_item i WHERE" + OPEN + " ORDER BY i.body_id")
                .query(Long.class).list();
    }
}
