package org.xuncha.inspection;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xuncha.platform.web.ResultPage;

/**
 * Rounds, always read through a set of readable body ids (the caller's scope, computed by {@link Rounds});
 * request values travel only as named parameters. A round is planned inside a term of planning and belongs to a
 * body of organization: both are read through their owners' read views ({@code term_view},
 * {@code inspection_body_view}), since planning depends on this module and cannot be called from it.
 */
@Repository
class RoundRepository {

    private static final String VIEW = """
            SELECT r.id, r.body_id, b.name AS body_name, r.term_id, t.name AS term_name, r.ordinal, r.name,
                   r.planned_station_on, r.planned_withdraw_on, r.planned_feedback_on, r.actual_station_on,
                   r.actual_withdraw_on, r.actual_feedback_on, r.version,
                   (SELECT count(*) FROM inspection i WHERE i.round_id = r.id) AS inspection_count
            FROM inspection_round r
            JOIN inspection_body_view b ON b.id = r.body_id
            JOIN term_view t ON t.id = r.term_id
            """;

    /** A term as rounds need it: the body it belongs to and its years. */
    record TermRow(long id, long bodyId, String name, int firstYear, int lastYear) {
    }

    private final JdbcClient jdbc;

    RoundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TermRow> term(long id) {
        return jdbc.sql("SELECT id, body_id, name, first_year, last_year FROM term_view WHERE id = :id").param("id", id)
                .query((rs, n) -> new TermRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getInt(5)))
                .optional();
    }

    List<TermRow> terms(Set<Long> bodies) {
        return jdbc.sql("""
                SELECT id, body_id, name, first_year, last_year FROM term_view WHERE body_id IN (:bodies)
                ORDER BY first_year DESC, id DESC
                """).param("bodies", bodies)
                .query((rs, n) -> new TermRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getInt(5)))
                .list();
    }

    Optional<RoundView> find(long id, Set<Long> readable, Set<Long> writable) {
        return jdbc.sql(VIEW + " WHERE r.id = :id AND r.body_id IN (:bodies)").param("id", id)
                .param("bodies", readable).query((rs, n) -> map(rs, writable)).optional();
    }

    ResultPage<RoundView> search(Long term, Long body, Set<Long> readable, Set<Long> writable, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE r.body_id IN (:bodies)");
        Map<String, Object> params = new HashMap<>();
        params.put("bodies", readable);
        if (term != null) {
            where.append(" AND r.term_id = :term");
            params.put("term", term);
        }
        if (body != null) {
            where.append(" AND r.body_id = :body");
            params.put("body", body);
        }
        long total = jdbc.sql("SELECT count(*) FROM inspection_round r" + where).params(params).query(Long.class).single();
        List<RoundView> items = jdbc.sql(VIEW + where
                        + " ORDER BY r.planned_station_on DESC, b.region_code, r.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> map(rs, writable)).list();
        return new ResultPage<>(items, page, size, total);
    }

    /** Rounds of the readable bodies whose span touches [from, to], for the timeline; at most {@code limit}. */
    List<RoundTimelineRow> timeline(Set<Long> readable, Long body, LocalDate from, LocalDate to, int limit) {
        String sql = """
                SELECT r.id, b.name AS body_name, r.name, t.name AS term_name,
                       COALESCE(r.actual_station_on, r.planned_station_on) AS from_on,
                       COALESCE(r.actual_feedback_on, r.planned_feedback_on, r.actual_withdraw_on, r.planned_withdraw_on) AS to_on,
                       COALESCE(r.actual_withdraw_on, r.planned_withdraw_on) AS withdraw_on,
                       r.actual_station_on,
                       (SELECT count(*) FROM inspection i WHERE i.round_id = r.id) AS inspection_count
                FROM inspection_round r
                JOIN inspection_body_view b ON b.id = r.body_id
                JOIN term_view t ON t.id = r.term_id
                WHERE r.body_id IN (:bodies)
                  AND COALESCE(r.actual_station_on, r.planned_station_on) <= :to
                  AND COALESCE(r.actual_feedback_on, r.planned_feedback_on, r.actual_withdraw_on, r.planned_withdraw_on) >= :from
                """ + (body != null ? " AND r.body_id = :body" : "") + """
                 ORDER BY b.region_code, from_on, r.id LIMIT :limit
                """;
        var spec = jdbc.sql(sql).param("bodies", readable).param("from", from).param("to", to).param("limit", limit);
        if (body != null) {
            spec = spec.param("body", body);
        }
        return spec.query((rs, n) -> new RoundTimelineRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), date(rs, 5), date(rs, 6), date(rs, 7), rs.getObject(8) != null, rs.getLong(9))).list();
    }

    int nextOrdinal(long term) {
        return jdbc.sql("SELECT COALESCE(MAX(ordinal), 0) + 1 FROM inspection_round WHERE term_id = :t")
                .param("t", term).query(Integer.class).single();
    }

    boolean ordinalTaken(long term, int ordinal, long exceptId) {
        return jdbc.sql("SELECT count(*) FROM inspection_round WHERE term_id = :t AND ordinal = :o AND id <> :id")
                .param("t", term).param("o", ordinal).param("id", exceptId).query(Long.class).single() > 0;
    }

    long insert(long body, long term, int ordinal, String name, RoundDraft d, OffsetDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO inspection_round (body_id, term_id, ordinal, name, planned_station_on, planned_withdraw_on,
                                              planned_feedback_on, created_at, version)
                VALUES (:body, :term, :ordinal, :name, :ps, :pw, :pf, :now, 0)
                """).param("body", body).param("term", term).param("ordinal", ordinal).param("name", name)
                .param("ps", d.plannedStationOn()).param("pw", d.plannedWithdrawOn())
                .param("pf", d.plannedFeedbackOn(), Types.DATE).param("now", now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean update(long id, int version, int ordinal, String name, RoundDraft d) {
        return jdbc.sql("""
                UPDATE inspection_round SET ordinal = :ordinal, name = :name, planned_station_on = :ps,
                       planned_withdraw_on = :pw, planned_feedback_on = :pf, actual_station_on = :as,
                       actual_withdraw_on = :aw, actual_feedback_on = :af, version = version + 1
                WHERE id = :id AND version = :version
                """).param("ordinal", ordinal).param("name", name).param("ps", d.plannedStationOn())
                .param("pw", d.plannedWithdrawOn()).param("pf", d.plannedFeedbackOn(), Types.DATE)
                .param("as", d.actualStationOn(), Types.DATE).param("aw", d.actualWithdrawOn(), Types.DATE)
                .param("af", d.actualFeedbackOn(), Types.DATE).param("id", id).param("version", version)
                .update() == 1;
    }

    /**
     * Sets one of the round's actual dates when it is still empty: the first inspection of the round to be
     * stationed, to withdraw, to give feedback sets it. The column name is one of three constants.
     */
    void recordFirst(long round, RoundMilestone milestone, LocalDate on) {
        String column = milestone.column();
        jdbc.sql("UPDATE inspection_round SET " + column + " = :on, version = version + 1 WHERE id = :id AND "
                + column + " IS NULL").param("on", on).param("id", round).update();
    }

    private static RoundView map(ResultSet rs, Set<Long> writable) throws SQLException {
        long body = rs.getLong("body_id");
        return new RoundView(rs.getLong("id"), body, rs.getString("body_name"), rs.getLong("term_id"),
                rs.getString("term_name"), rs.getInt("ordinal"), rs.getString("name"), date(rs, "planned_station_on"),
                date(rs, "planned_withdraw_on"), date(rs, "planned_feedback_on"), date(rs, "actual_station_on"),
                date(rs, "actual_withdraw_on"), date(rs, "actual_feedback_on"), rs.getInt("version"),
                rs.getLong("inspection_count"), writable.contains(body));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
