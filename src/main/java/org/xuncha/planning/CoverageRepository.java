package org.xuncha.planning;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;
import org.xuncha.inspection.InspectionStage;
import org.xuncha.organization.Sector;
import org.xuncha.platform.web.ResultPage;

/**
 * The coverage (全覆盖) queries: set-based aggregations over a term's live plan entries, each entry tested
 * with one scalar subquery against the inspections of the organization (indexes of V5_3; see
 * {@link #COVERED_FLAG}). An organization is covered when any inspection of it (any body, any mode, 延伸
 * targets included) reached FEEDBACK with its feedback date inside the term's years. The inspections, their
 * targets and the organizations are read through the read views their owners declare (V8_12:
 * {@code inspection_scope_view}, {@code inspection_target_view}, {@code party_organization_view},
 * {@code inspection_body_view}). Each is a plain projection of one table: PostgreSQL inlines it and H2 plans it
 * with the caller's conditions pushed into it, so the V5_3 indexes still answer the probes.
 */
@Repository
class CoverageRepository {

    /** Stage names that count as covered (FEEDBACK and after), from the enum that owns the rule. */
    static final List<String> COVERING = Arrays.stream(InspectionStage.values()).filter(InspectionStage::covers)
            .map(Enum::name).toList();

    /**
     * Correlated test for a plan entry {@code e}; needs :covering, :from and :to. The coverage figures and the
     * uncovered list use it as {@link #COVERED_FLAG}, a 0/1 scalar subquery, rather than as EXISTS on purpose:
     * PostgreSQL may turn an EXISTS into a hashed subplan (or a hash anti-join) that reads every inspection
     * target of the database (190,000 rows at province scale) to answer a plan of a few hundred organizations,
     * and it did so whenever the visibility map was not yet set (after a bulk load, before VACUUM): about 100 ms
     * instead of 10. A scalar subquery always runs per entry from the indexes of V5_3 (one probe per inspection
     * of the organization, stopping at the first hit).
     */
    static final String COVERED_IN_TERM = """
            SELECT 1 FROM inspection_target_view it JOIN inspection_scope_view i ON i.id = it.inspection_id
            WHERE it.organization_id = e.organization_id AND i.stage IN (:covering)
              AND i.feedback_on BETWEEN :from AND :to
            """;

    /** 1 when plan entry {@code e} is covered, else 0; needs :covering, :from and :to. */
    static final String COVERED_FLAG = """
            COALESCE((SELECT 1 FROM inspection_target_view it JOIN inspection_scope_view i ON i.id = it.inspection_id
                      WHERE it.organization_id = e.organization_id AND i.stage IN (:covering)
                        AND i.feedback_on BETWEEN :from AND :to
                      FETCH FIRST 1 ROW ONLY), 0)""";

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    CoverageRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Planned and covered per (sector, planned year) of one term: the figures every roll-up is summed from. */
    record Cell(Sector sector, int year, long planned, long covered) {
    }

    List<Cell> cells(TermView term, DataScope scope) {
        // The sector is looked up per entry too (a primary-key probe each): joining party_organization made the
        // planner hash all 40,000 organizations for a plan of a few hundred.
        return jdbc.sql("""
                SELECT x.sector, x.planned_year, count(*) AS planned, sum(x.covered) AS covered
                FROM (SELECT (SELECT o.sector FROM party_organization_view o WHERE o.id = e.organization_id) AS sector,
                             e.planned_year, %s AS covered
                      FROM term_plan_entry e JOIN term t ON t.id = e.term_id
                      WHERE e.term_id = :term AND e.removed = FALSE AND t.body_id IN (:bodies)) x
                GROUP BY x.sector, x.planned_year
                ORDER BY x.sector, x.planned_year
                """.formatted(COVERED_FLAG))
                .param("term", term.id()).param("bodies", scope.readableBodyIds()).param("covering", COVERING)
                .param("from", LocalDate.of(term.firstYear(), 1, 1)).param("to", LocalDate.of(term.lastYear(), 12, 31))
                .query((rs, n) -> new Cell(Sector.valueOf(rs.getString(1)), rs.getInt(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** A body below the term's body with its terms (for the per-county view), latest first. */
    record BodyTerm(long bodyId, String bodyName, String regionCode, Long termId, String termName, Integer firstYear,
                    Integer lastYear) {
    }

    List<BodyTerm> childBodyTerms(long parentBody, DataScope scope) {
        return jdbc.sql("""
                SELECT b.id, b.name, b.region_code, t.id, t.name, t.first_year, t.last_year
                FROM inspection_body_view b LEFT JOIN term t ON t.body_id = b.id
                WHERE b.parent_id = :parent AND b.id IN (:bodies)
                ORDER BY b.region_code, t.first_year DESC, t.id DESC
                """).param("parent", parentBody).param("bodies", scope.readableBodyIds())
                .query((rs, n) -> new BodyTerm(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Long.class), rs.getString(5), rs.getObject(6, Integer.class),
                        rs.getObject(7, Integer.class)))
                .list();
    }

    /** Planned and covered of several terms at once, each against its own years. */
    record TermTotal(long termId, long planned, long covered) {
    }

    List<TermTotal> totals(List<Long> terms, DataScope scope) {
        if (terms.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT e.term_id, count(*) AS planned,
                       sum(COALESCE((
                           SELECT 1 FROM inspection_target_view it JOIN inspection_scope_view i ON i.id = it.inspection_id
                           WHERE it.organization_id = e.organization_id AND i.stage IN (:covering)
                             AND EXTRACT(YEAR FROM i.feedback_on) BETWEEN t.first_year AND t.last_year
                           FETCH FIRST 1 ROW ONLY), 0)) AS covered
                FROM term_plan_entry e JOIN term t ON t.id = e.term_id
                WHERE e.term_id IN (:terms) AND e.removed = FALSE AND t.body_id IN (:bodies)
                GROUP BY e.term_id
                """).param("terms", terms).param("bodies", scope.readableBodyIds()).param("covering", COVERING)
                .query((rs, n) -> new TermTotal(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /** An uncovered organization of the plan and the last feedback of any inspection of it, ever. */
    record Uncovered(long organizationId, String code, String name, Sector sector, String bodyName, int plannedYear,
                     Integer plannedRound, LocalDate lastFeedbackOn) {
    }

    ResultPage<Uncovered> uncovered(TermView term, Sector sector, DataScope scope, int page, int size) {
        String where = """
                 WHERE e.term_id = :term AND e.removed = FALSE
                   AND EXISTS (SELECT 1 FROM term t WHERE t.id = e.term_id AND t.body_id IN (:bodies))
                   AND %s = 0
                """.formatted(COVERED_FLAG) + (sector == null ? "" : " AND o.sector = :sector");
        String from = " FROM term_plan_entry e JOIN party_organization_view o ON o.id = e.organization_id"
                + " JOIN inspection_body_view ob ON ob.id = o.body_id";
        var count = jdbc.sql("SELECT count(*)" + from + where);
        var select = jdbc.sql("""
                SELECT e.organization_id, o.code, o.name, o.sector, ob.name AS body_name, e.planned_year, e.planned_round,
                       (SELECT max(i.feedback_on) FROM inspection_target_view it JOIN inspection_scope_view i ON i.id = it.inspection_id
                        WHERE it.organization_id = e.organization_id AND i.stage IN (:covering)) AS last_feedback_on
                """ + from + where + " ORDER BY last_feedback_on NULLS FIRST, o.code LIMIT :limit OFFSET :offset");
        for (var spec : List.of(count, select)) {
            spec.param("term", term.id()).param("bodies", scope.readableBodyIds()).param("covering", COVERING)
                    .param("from", LocalDate.of(term.firstYear(), 1, 1))
                    .param("to", LocalDate.of(term.lastYear(), 12, 31));
            if (sector != null) {
                spec.param("sector", sector.name());
            }
        }
        long total = count.query(Long.class).single();
        List<Uncovered> items = select.param("limit", size).param("offset", ResultPage.offset(page, size))
                .query((rs, n) -> new Uncovered(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Sector.valueOf(rs.getString(4)), rs.getString(5), rs.getInt(6), rs.getObject(7, Integer.class),
                        rs.getObject(8, LocalDate.class)))
                .list();
        return new ResultPage<>(items, page, size, total);
    }

    // ---------------------------------------------------------------- the benchmark's baseline

    /**
     * The same per-(sector, year) figures as {@link #cells}, as one plain SQL statement written by hand: no scope
     * join, the stage list as literals, run over plain JDBC without the mapping layer and the roll-ups. Only the
     * {@code coverage-benchmark} command uses it, as the baseline the service is compared with. It has the shape of
     * the service's statement, the fastest we found: a LEFT JOIN to the DISTINCT covered organizations measured
     * about twice as slow, and the plain join with a correlated EXISTS (the first version) let PostgreSQL hash
     * every inspection target and every organization of the database for a plan of a few hundred entries.
     */
    static final String RAW = """
            SELECT x.sector, x.planned_year, count(*) AS planned, sum(x.covered) AS covered
            FROM (SELECT (SELECT o.sector FROM party_organization_view o WHERE o.id = e.organization_id) AS sector,
                         e.planned_year,
                         COALESCE((SELECT 1 FROM inspection_target_view it JOIN inspection_scope_view i ON i.id = it.inspection_id
                                   WHERE it.organization_id = e.organization_id
                                     AND i.stage IN ('FEEDBACK', 'RECTIFYING', 'CLOSED')
                                     AND i.feedback_on BETWEEN ? AND ?
                                   FETCH FIRST 1 ROW ONLY), 0) AS covered
                  FROM term_plan_entry e
                  WHERE e.term_id = ? AND e.removed = FALSE) x
            GROUP BY x.sector, x.planned_year
            ORDER BY x.sector, x.planned_year
            """;

    List<Cell> rawCells(long term, int firstYear, int lastYear) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement ps = connection.prepareStatement(RAW)) {
            ps.setDate(1, Date.valueOf(LocalDate.of(firstYear, 1, 1)));
            ps.setDate(2, Date.valueOf(LocalDate.of(lastYear, 12, 31)));
            ps.setLong(3, term);
            List<Cell> cells = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cells.add(new Cell(Sector.valueOf(rs.getString(1)), rs.getInt(2), rs.getLong(3), rs.getLong(4)));
                }
            }
            return cells;
        } catch (SQLException e) {
            throw new IllegalStateException("raw coverage query failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
