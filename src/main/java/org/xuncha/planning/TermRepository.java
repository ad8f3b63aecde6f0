package org.xuncha.planning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;
import org.xuncha.organization.Sector;
import org.xuncha.platform.web.ResultPage;

/**
 * Terms, their plan entries and the plan's change history. Every read takes the caller's scope and filters
 * on the term's body in SQL; request values travel only as named parameters. Organizations, bodies and the
 * inspections that cover an organization are read through their owners' read views
 * ({@code party_organization_view}, {@code inspection_body_view}, {@code inspection_scope_view},
 * {@code inspection_target_view}).
 */
@Repository
class TermRepository {

    private static final String TERM = """
            SELECT t.id, t.body_id, b.name AS body_name, t.name, t.first_year, t.last_year, t.plan_status,
                   t.approved_at, t.approved_by, t.created_at, t.version, t.submitted_at, t.submitted_by,
                   (SELECT count(*) FROM term_plan_entry e WHERE e.term_id = t.id AND e.removed = FALSE) AS planned
            FROM term t JOIN inspection_body_view b ON b.id = t.body_id
            """;

    private final JdbcClient jdbc;
    private final ZoneId zone;

    TermRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    Optional<TermView> find(long id, DataScope scope) {
        return jdbc.sql(TERM + " WHERE t.id = :id AND t.body_id IN (:bodies)").param("id", id)
                .param("bodies", scope.readableBodyIds()).query(this::term).optional();
    }

    /** The term when the caller may change its plan (its body is writable), else empty. */
    Optional<TermView> findWritable(long id, DataScope scope) {
        return jdbc.sql(TERM + " WHERE t.id = :id AND t.body_id IN (:bodies)").param("id", id)
                .param("bodies", scope.writableBodyIds()).query(this::term).optional();
    }

    ResultPage<TermView> list(DataScope scope, int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM term t WHERE t.body_id IN (:bodies)")
                .param("bodies", scope.readableBodyIds()).query(Long.class).single();
        List<TermView> items = jdbc.sql(TERM + """
                 WHERE t.body_id IN (:bodies)
                 ORDER BY CASE WHEN t.body_id = :own THEN 0 ELSE 1 END, b.region_code, t.first_year DESC, t.id DESC
                 LIMIT :limit OFFSET :offset
                """).param("bodies", scope.readableBodyIds())
                .param("own", scope.body() == null ? -1L : scope.body().value())
                .param("limit", size).param("offset", ResultPage.offset(page, size))
                .query(this::term).list();
        return new ResultPage<>(items, page, size, total);
    }

    /** Every term of one body (for the overlap check and the current term), latest first. */
    List<TermView> ofBody(long body) {
        return jdbc.sql(TERM + " WHERE t.body_id = :body ORDER BY t.first_year DESC, t.id DESC")
                .param("body", body).query(this::term).list();
    }

    long insertTerm(long body, String name, int firstYear, int lastYear, OffsetDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO term (body_id, name, first_year, last_year, plan_status, created_at, version)
                VALUES (:body, :name, :first, :last, :status, :now, 0)
                """).param("body", body).param("name", name).param("first", firstYear).param("last", lastYear)
                .param("status", PlanStatus.DRAFT.name()).param("now", now).update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean approve(long term, int expectedVersion, String actor, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE term SET plan_status = :approved, approved_at = :now, approved_by = :actor, version = version + 1
                WHERE id = :id AND version = :version AND plan_status = :draft AND submitted_at IS NOT NULL
                """).param("approved", PlanStatus.APPROVED.name()).param("now", now).param("actor", actor)
                .param("id", term).param("version", expectedVersion).param("draft", PlanStatus.DRAFT.name())
                .update() == 1;
    }

    boolean submit(long term, int expectedVersion, String actor, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE term SET submitted_at = :now, submitted_by = :actor, version = version + 1
                WHERE id = :id AND version = :version AND plan_status = :draft AND submitted_at IS NULL
                """).param("now", now).param("actor", actor).param("id", term).param("version", expectedVersion)
                .param("draft", PlanStatus.DRAFT.name()).update() == 1;
    }

    /** The leading group sends a submitted draft back (退回): it is a draft the office may change and submit again. */
    boolean returnSubmission(long term, int expectedVersion) {
        return jdbc.sql("""
                UPDATE term SET submitted_at = NULL, submitted_by = NULL, version = version + 1
                WHERE id = :id AND version = :version AND plan_status = :draft AND submitted_at IS NOT NULL
                """).param("id", term).param("version", expectedVersion).param("draft", PlanStatus.DRAFT.name())
                .update() == 1;
    }

    /** Submitted drafts waiting for the LEADER of one body (the leader's queue), oldest submission first. */
    List<TermView> awaitingApproval(long body) {
        return jdbc.sql(TERM + """
                 WHERE t.body_id = :body AND t.plan_status = :draft AND t.submitted_at IS NOT NULL
                 ORDER BY t.submitted_at, t.id
                """).param("body", body).param("draft", PlanStatus.DRAFT.name()).query(this::term).list();
    }

    /** The leading group's last decision on the term's plan (approved or returned), if any. */
    Optional<PlanChangeView> lastDecision(long term) {
        return jdbc.sql("""
                SELECT c.occurred_at, c.actor, c.change_kind, c.detail, c.reason FROM term_plan_change c
                WHERE c.term_id = :term AND c.change_kind IN ('APPROVED', 'RETURNED')
                ORDER BY c.occurred_at DESC, c.id DESC LIMIT 1
                """).param("term", term)
                .query((rs, n) -> new PlanChangeView(shown(rs.getObject(1, OffsetDateTime.class)), rs.getString(2),
                        PlanChangeKind.valueOf(rs.getString(3)), null, null, rs.getString(4), rs.getString(5)))
                .optional();
    }

    /** A change to a submitted draft takes it back from the leading group. */
    void withdrawSubmission(long term) {
        jdbc.sql("""
                UPDATE term SET submitted_at = NULL, submitted_by = NULL, version = version + 1
                WHERE id = :id AND plan_status = :draft AND submitted_at IS NOT NULL
                """).param("id", term).param("draft", PlanStatus.DRAFT.name()).update();
    }

    // ---------------------------------------------------------------- plan entries

    ResultPage<PlanEntryView> entries(TermView term, PlanFilter filter, DataScope scope, int page, int size) {
        StringBuilder where = new StringBuilder("""
                 WHERE e.term_id = :term AND e.removed = FALSE
                   AND EXISTS (SELECT 1 FROM term t WHERE t.id = e.term_id AND t.body_id IN (:bodies))
                """);
        Map<String, Object> params = new HashMap<>();
        params.put("term", term.id());
        params.put("bodies", scope.readableBodyIds());
        params.put("covering", CoverageRepository.COVERING);
        params.put("from", LocalDate.of(term.firstYear(), 1, 1));
        params.put("to", LocalDate.of(term.lastYear(), 12, 31));
        if (filter.hasQuery()) {
            where.append(" AND (o.name LIKE :q ESCAPE '\\' OR o.code LIKE :q ESCAPE '\\')");
            params.put("q", filter.likePattern());
        }
        if (filter.sector() != null) {
            where.append(" AND o.sector = :sector");
            params.put("sector", filter.sector().name());
        }
        if (filter.year() != null) {
            where.append(" AND e.planned_year = :year");
            params.put("year", filter.year());
        }
        if (filter.covered() != null) {
            where.append(filter.covered() ? " AND EXISTS (" : " AND NOT EXISTS (")
                    .append(CoverageRepository.COVERED_IN_TERM).append(")");
        }
        String from = " FROM term_plan_entry e JOIN party_organization_view o ON o.id = e.organization_id"
                + " JOIN inspection_body_view ob ON ob.id = o.body_id";
        long total = jdbc.sql("SELECT count(*)" + from + where).params(params).query(Long.class).single();
        List<PlanEntryView> items = jdbc.sql("SELECT " + ENTRY_COLUMNS + from + where
                        + " ORDER BY e.planned_year, e.planned_round, o.code LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", ResultPage.offset(page, size))
                .query(TermRepository::entry).list();
        return new ResultPage<>(items, page, size, total);
    }

    static final String ENTRY_COLUMNS = """
            e.id, e.organization_id, o.code, o.name, o.sector, ob.name AS body_name, e.planned_year, e.planned_round,
                   e.removed, e.version,
                   (SELECT min(i.feedback_on) FROM inspection_target_view it JOIN inspection_scope_view i ON i.id = it.inspection_id
                    WHERE it.organization_id = e.organization_id AND i.stage IN (:covering)
                      AND i.feedback_on BETWEEN :from AND :to) AS covered_on,
                   (SELECT max(i.feedback_on) FROM inspection_target_view it JOIN inspection_scope_view i ON i.id = it.inspection_id
                    WHERE it.organization_id = e.organization_id AND i.stage IN (:covering)) AS last_feedback_on
            """;

    /** Every live entry of a term in plan order, handed to {@code sink} page by page (exports). */
    void forEachEntry(TermView term, DataScope scope, java.util.function.Consumer<PlanEntryView> sink) {
        int size = 1_000;
        for (int page = 0; ; page++) {
            ResultPage<PlanEntryView> p = entries(term, PlanFilter.none(), scope, page, size);
            p.items().forEach(sink);
            if (!p.hasNext()) {
                return;
            }
        }
    }

    /** An entry of the term (live or removed), for a change; the term was checked against the scope. */
    Optional<EntryRow> entry(long term, long entry) {
        return jdbc.sql("""
                SELECT e.id, e.organization_id, o.code, o.name, e.planned_year, e.planned_round, e.removed, e.version
                FROM term_plan_entry e JOIN party_organization_view o ON o.id = e.organization_id
                WHERE e.term_id = :term AND e.id = :id
                """).param("term", term).param("id", entry).query(TermRepository::entryRow).optional();
    }

    /** Entries of the term for these organizations, live or removed, by organization id. */
    Map<Long, EntryRow> entriesFor(long term, Collection<Long> organizations) {
        Map<Long, EntryRow> found = new HashMap<>();
        List<Long> all = new ArrayList<>(new HashSet<>(organizations));
        for (int i = 0; i < all.size(); i += 1_000) {
            jdbc.sql("""
                    SELECT e.id, e.organization_id, o.code, o.name, e.planned_year, e.planned_round, e.removed, e.version
                    FROM term_plan_entry e JOIN party_organization_view o ON o.id = e.organization_id
                    WHERE e.term_id = :term AND e.organization_id IN (:orgs)
                    """).param("term", term).param("orgs", all.subList(i, Math.min(all.size(), i + 1_000)))
                    .query(TermRepository::entryRow).list().forEach(r -> found.put(r.organizationId(), r));
        }
        return found;
    }

    record EntryRow(long id, long organizationId, String code, String name, int plannedYear, Integer plannedRound,
                    boolean removed, int version) {
    }

    void insertEntry(long term, long organization, int year, Integer round) {
        jdbc.sql("""
                INSERT INTO term_plan_entry (term_id, organization_id, planned_year, planned_round, removed, version)
                VALUES (:term, :org, :year, :round, FALSE, 0)
                """).param("term", term).param("org", organization).param("year", year)
                .param("round", round, Types.INTEGER).update();
    }

    boolean updateEntry(long entry, int year, Integer round, boolean removed, int expectedVersion) {
        return jdbc.sql("""
                UPDATE term_plan_entry SET planned_year = :year, planned_round = :round, removed = :removed,
                       version = version + 1
                WHERE id = :id AND version = :version
                """).param("year", year).param("round", round, Types.INTEGER).param("removed", removed)
                .param("id", entry).param("version", expectedVersion).update() == 1;
    }

    /**
     * Adds every active organization of {@code body} that the plan does not name yet (removed entries count as
     * named: they were taken out on purpose), all at {@code year}/{@code round}. When {@code change} is given
     * (approved plan), one change row per added organization is written first. Returns the number added.
     */
    int addAllOfBody(long term, long body, int year, Integer round, ChangeRow change) {
        String missing = """
                FROM party_organization_view o
                WHERE o.body_id = :body AND o.active = TRUE
                  AND NOT EXISTS (SELECT 1 FROM term_plan_entry e WHERE e.term_id = :term AND e.organization_id = o.id)
                """;
        if (change != null) {
            jdbc.sql("INSERT INTO term_plan_change (term_id, organization_id, change_kind, detail, reason, actor, actor_id, occurred_at)"
                            + " SELECT :term, o.id, :kind, :detail, :reason, :actor, :actorId, :at " + missing)
                    .param("term", term).param("body", body).param("kind", change.kind().name())
                    .param("detail", change.detail(), Types.VARCHAR).param("reason", change.reason())
                    .param("actor", change.actor()).param("actorId", change.actorId(), Types.BIGINT)
                    .param("at", change.at()).update();
        }
        return jdbc.sql("INSERT INTO term_plan_entry (term_id, organization_id, planned_year, planned_round, removed, version)"
                        + " SELECT :term, o.id, :year, :round, FALSE, 0 " + missing)
                .param("term", term).param("body", body).param("year", year).param("round", round, Types.INTEGER)
                .update();
    }

    // ---------------------------------------------------------------- change history

    /** What a change row says; {@code organization} null for changes of the whole plan (approval). */
    record ChangeRow(Long organization, PlanChangeKind kind, String detail, String reason, String actor,
                     Long actorId, OffsetDateTime at) {
    }

    void appendChange(long term, ChangeRow c) {
        jdbc.sql("""
                INSERT INTO term_plan_change (term_id, organization_id, change_kind, detail, reason, actor, actor_id, occurred_at)
                VALUES (:term, :org, :kind, :detail, :reason, :actor, :actorId, :at)
                """).param("term", term).param("org", c.organization(), Types.BIGINT).param("kind", c.kind().name())
                .param("detail", c.detail(), Types.VARCHAR).param("reason", c.reason()).param("actor", c.actor())
                .param("actorId", c.actorId(), Types.BIGINT).param("at", c.at()).update();
    }

    ResultPage<PlanChangeView> changes(long term, DataScope scope, int page, int size) {
        String where = " WHERE c.term_id = :term AND t.body_id IN (:bodies)";
        String from = " FROM term_plan_change c JOIN term t ON t.id = c.term_id"
                + " LEFT JOIN party_organization_view o ON o.id = c.organization_id";
        long total = jdbc.sql("SELECT count(*)" + from + where).param("term", term)
                .param("bodies", scope.readableBodyIds()).query(Long.class).single();
        List<PlanChangeView> items = jdbc.sql("SELECT c.occurred_at, c.actor, c.change_kind, o.code, o.name, c.detail, c.reason"
                        + from + where + " ORDER BY c.occurred_at DESC, c.id DESC LIMIT :limit OFFSET :offset")
                .param("term", term).param("bodies", scope.readableBodyIds())
                .param("limit", size).param("offset", ResultPage.offset(page, size))
                .query((rs, n) -> new PlanChangeView(shown(rs.getObject(1, OffsetDateTime.class)), rs.getString(2),
                        PlanChangeKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7)))
                .list();
        return new ResultPage<>(items, page, size, total);
    }

    // ---------------------------------------------------------------- organizations to plan

    /** An organization that may be looked up by code for a plan: id, name, inspecting body, active. */
    record Plannable(long id, String code, String name, long bodyId, boolean active) {
    }

    /** Organizations by code, any body (the caller checks the body against the term's). */
    Map<String, Plannable> organizationsByCode(Collection<String> codes) {
        Map<String, Plannable> found = new HashMap<>();
        List<String> all = new ArrayList<>(new HashSet<>(codes));
        for (int i = 0; i < all.size(); i += 1_000) {
            jdbc.sql("SELECT id, code, name, body_id, active FROM party_organization_view WHERE code IN (:codes)")
                    .param("codes", all.subList(i, Math.min(all.size(), i + 1_000)))
                    .query((rs, n) -> new Plannable(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getBoolean(5)))
                    .list().forEach(p -> found.put(p.code(), p));
        }
        return found;
    }

    // ---------------------------------------------------------------- mapping

    TermView term(ResultSet rs, int n) throws SQLException {
        return new TermView(rs.getLong("id"), rs.getLong("body_id"), rs.getString("body_name"), rs.getString("name"),
                rs.getInt("first_year"), rs.getInt("last_year"), PlanStatus.valueOf(rs.getString("plan_status")),
                shown(rs.getObject("approved_at", OffsetDateTime.class)), rs.getString("approved_by"),
                shown(rs.getObject("created_at", OffsetDateTime.class)), rs.getInt("version"), rs.getLong("planned"),
                shown(rs.getObject("submitted_at", OffsetDateTime.class)), rs.getString("submitted_by"));
    }

    /** A stored instant (UTC) as pages and the API show it: in the configured zone. */
    private OffsetDateTime shown(OffsetDateTime stored) {
        return stored == null ? null : stored.atZoneSameInstant(zone).toOffsetDateTime();
    }

    static PlanEntryView entry(ResultSet rs, int n) throws SQLException {
        return new PlanEntryView(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("code"),
                rs.getString("name"), Sector.valueOf(rs.getString("sector")), rs.getString("body_name"),
                rs.getInt("planned_year"), (Integer) rs.getObject("planned_round", Integer.class),
                rs.getBoolean("removed"), rs.getInt("version"), rs.getObject("covered_on", LocalDate.class),
                rs.getObject("last_feedback_on", LocalDate.class));
    }

    private static EntryRow entryRow(ResultSet rs, int n) throws SQLException {
        return new EntryRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getObject(6, Integer.class), rs.getBoolean(7), rs.getInt(8));
    }
}
