package org.xuncha.organization;

import org.xuncha.platform.web.ResultPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;

/**
 * Party organizations, always read through the caller's scope: readable bodies, and for TARGET accounts
 * the one bound organization. The SQL fragments chosen below are constants; request values only ever
 * travel as named parameters.
 */
@Repository
class PartyOrganizationRepository {

    private static final String VIEW = """
            SELECT o.id, o.code, o.name, o.kind, o.sector, o.region_code, r.name AS region_name, o.parent_id,
                   p.code AS parent_code, p.name AS parent_name, o.body_id, b.name AS body_name, o.leading_cadre,
                   o.active, o.status_reason, o.version,
                   (SELECT count(*) FROM party_organization c WHERE c.parent_id = o.id AND c.body_id IN (:bodies)%s) AS child_count
            FROM party_organization o
            JOIN inspection_body b ON b.id = o.body_id
            LEFT JOIN region r ON r.code = o.region_code
            LEFT JOIN party_organization p ON p.id = o.parent_id
            """;

    private final JdbcClient jdbc;

    PartyOrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static String view(DataScope scope) {
        return VIEW.formatted(scope.organization() != null ? " AND c.id = :org" : "");
    }

    /** " AND o.body_id IN (:bodies)" plus, for a TARGET account, " AND o.id = :org". */
    private static String scoped(DataScope scope) {
        return " o.body_id IN (:bodies)" + (scope.organization() != null ? " AND o.id = :org" : "");
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DataScope scope) {
        spec = spec.param("bodies", scope.readableBodyIds());
        if (scope.organization() != null) {
            spec = spec.param("org", scope.organization().value());
        }
        return spec;
    }

    Optional<OrganizationView> find(long id, DataScope scope) {
        return bind(jdbc.sql(view(scope) + " WHERE o.id = :id AND" + scoped(scope)), scope).param("id", id)
                .query(PartyOrganizationRepository::mapView).optional();
    }

    /** The entity for a change; present only when the caller may write the organization's body. */
    Optional<PartyOrganization> findWritable(long id, DataScope scope) {
        return jdbc.sql("""
                SELECT o.id, o.code, o.body_id, o.version, o.name, o.kind, o.sector, o.region_code, o.parent_id,
                       p.code AS parent_code, p.body_id AS parent_body, o.leading_cadre, o.active, o.status_reason
                FROM party_organization o LEFT JOIN party_organization p ON p.id = o.parent_id
                WHERE o.id = :id AND o.body_id IN (:writable)
                """).param("id", id).param("writable", scope.writableBodyIds())
                .query((rs, n) -> new PartyOrganization(rs.getLong("id"), rs.getString("code"), rs.getLong("body_id"),
                        rs.getInt("version"), new PartyOrganization.Details(rs.getString("name"),
                        OrganizationKind.valueOf(rs.getString("kind")), Sector.valueOf(rs.getString("sector")),
                        rs.getString("region_code"), rs.getObject("parent_id") == null ? null
                                : new PartyOrganization.Parent(rs.getLong("parent_id"), rs.getString("parent_code"), rs.getLong("parent_body")),
                        rs.getString("leading_cadre")), OrganizationStatus.of(rs.getBoolean("active")),
                        rs.getString("status_reason")))
                .optional();
    }

    /** A possible parent: an organization of {@code body} with this code. */
    Optional<PartyOrganization.Parent> parentByCode(String code, long body) {
        return jdbc.sql("SELECT id, code, body_id FROM party_organization WHERE code = :code AND body_id = :body")
                .param("code", code).param("body", body)
                .query((rs, n) -> new PartyOrganization.Parent(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .optional();
    }

    boolean isActive(long id) {
        return jdbc.sql("SELECT active FROM party_organization WHERE id = :id").param("id", id)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Ids from {@code id} up to its root, itself included; stops on a cycle. */
    List<Long> selfAndAncestors(long id) {
        List<Long> chain = new ArrayList<>();
        Long current = id;
        while (current != null && !chain.contains(current) && chain.size() < 100) {
            chain.add(current);
            current = jdbc.sql("SELECT parent_id FROM party_organization WHERE id = :id").param("id", current)
                    .query((rs, n) -> (Long) rs.getObject(1, Long.class)).optional().orElse(null);
        }
        return chain;
    }

    int activeChildren(long id) {
        return jdbc.sql("SELECT count(*) FROM party_organization WHERE parent_id = :id AND active = TRUE")
                .param("id", id).query(Integer.class).single();
    }

    ResultPage<OrganizationView> search(OrganizationFilter filter, DataScope scope, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE").append(scoped(scope));
        Map<String, Object> params = new HashMap<>();
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" AND (o.name LIKE :q ESCAPE '\\' OR o.code LIKE :q ESCAPE '\\')");
            params.put("q", filter.likePattern());
        }
        if (filter.sector() != null) {
            where.append(" AND o.sector = :sector");
            params.put("sector", filter.sector().name());
        }
        if (filter.kind() != null) {
            where.append(" AND o.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.body() != null) {
            where.append(" AND o.body_id = :body");
            params.put("body", filter.body());
        }
        if (filter.status() != null) {
            where.append(" AND o.active = :active");
            params.put("active", filter.status() == OrganizationStatus.ACTIVE);
        }
        return page(where.toString(), params, scope, page, size);
    }

    /** Top of the tree in one body: organizations without a parent. */
    ResultPage<OrganizationView> roots(long body, DataScope scope, int page, int size) {
        if (scope.organization() != null) {
            // a TARGET account's tree starts at its own organization
            return page(" WHERE" + scoped(scope), Map.of(), scope, page, size);
        }
        return page(" WHERE" + scoped(scope) + " AND o.body_id = :body AND o.parent_id IS NULL",
                Map.of("body", body), scope, page, size);
    }

    ResultPage<OrganizationView> children(long parent, DataScope scope, int page, int size) {
        return page(" WHERE" + scoped(scope) + " AND o.parent_id = :parent", Map.of("parent", parent), scope, page, size);
    }

    private ResultPage<OrganizationView> page(String where, Map<String, Object> params, DataScope scope, int page, int size) {
        long total = bind(jdbc.sql("SELECT count(*) FROM party_organization o" + where), scope).params(params)
                .query(Long.class).single();
        List<OrganizationView> items = bind(jdbc.sql(view(scope) + where + " ORDER BY o.code LIMIT :limit OFFSET :offset"), scope)
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query(PartyOrganizationRepository::mapView).list();
        return new ResultPage<>(items, page, size, total);
    }

    /** Every organization matching the filter, in code order, handed to {@code sink} one by one (exports). */
    void forEach(OrganizationFilter filter, DataScope scope, java.util.function.Consumer<OrganizationView> sink) {
        int size = 1_000;
        for (int page = 0; ; page++) {
            ResultPage<OrganizationView> p = search(filter, scope, page, size);
            p.items().forEach(sink);
            if (!p.hasNext()) {
                return;
            }
        }
    }

    long insert(PartyOrganization o, OffsetDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO party_organization (code, name, kind, sector, region_code, parent_id, body_id, leading_cadre,
                                                active, created_at, updated_at, version)
                VALUES (:code, :name, :kind, :sector, :region, :parent, :body, :cadre, TRUE, :now, :now, 0)
                """)
                .param("code", o.code()).param("name", o.name()).param("kind", o.kind().name())
                .param("sector", o.sector().name()).param("region", o.regionCode())
                .param("parent", o.parent() == null ? null : o.parent().id(), java.sql.Types.BIGINT)
                .param("body", o.bodyId()).param("cadre", o.leadingCadre(), java.sql.Types.VARCHAR)
                .param("now", now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Writes the entity if nobody changed it since it was read at {@code expectedVersion}. */
    boolean update(PartyOrganization o, int expectedVersion, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE party_organization SET name = :name, kind = :kind, sector = :sector, region_code = :region,
                       parent_id = :parent, leading_cadre = :cadre, active = :active, status_reason = :reason,
                       updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version
                """)
                .param("name", o.name()).param("kind", o.kind().name()).param("sector", o.sector().name())
                .param("region", o.regionCode())
                .param("parent", o.parent() == null ? null : o.parent().id(), java.sql.Types.BIGINT)
                .param("cadre", o.leadingCadre(), java.sql.Types.VARCHAR)
                .param("active", o.status() == OrganizationStatus.ACTIVE)
                .param("reason", o.statusReason(), java.sql.Types.VARCHAR)
                .param("now", now).param("id", o.id()).param("version", expectedVersion)
                .update() == 1;
    }

    void appendHistory(long organization, OffsetDateTime at, String actor, Long actorId, ChangeKind kind,
                       List<FieldChange> changes, String reason) {
        jdbc.sql("""
                INSERT INTO organization_history (organization_id, occurred_at, actor, actor_id, change_kind, changes, reason)
                VALUES (:org, :at, :actor, :actorId, :kind, :changes, :reason)
                """)
                .param("org", organization).param("at", at).param("actor", actor)
                .param("actorId", actorId, java.sql.Types.BIGINT).param("kind", kind.name())
                .param("changes", FieldChange.lines(changes), java.sql.Types.VARCHAR).param("reason", reason, java.sql.Types.VARCHAR)
                .update();
    }

    /** History of an organization the caller can read (the id was checked with {@link #find}). */
    List<HistoryEntry> history(long organization) {
        return jdbc.sql("""
                SELECT occurred_at, actor, change_kind, changes, reason FROM organization_history
                WHERE organization_id = :org ORDER BY occurred_at DESC, id DESC
                """).param("org", organization)
                .query((rs, n) -> new HistoryEntry(rs.getObject(1, OffsetDateTime.class), rs.getString(2),
                        ChangeKind.valueOf(rs.getString(3)), rs.getString(4) == null ? List.of()
                                : List.of(rs.getString(4).split("\n")), rs.getString(5)))
                .list();
    }

    record HistoryEntry(OffsetDateTime at, String actor, ChangeKind kind, List<String> changes, String reason) {
    }

    /** For imports: which of these codes exist anywhere, with their id and body. */
    Map<String, PartyOrganization.Parent> existingCodes(Collection<String> codes) {
        Map<String, PartyOrganization.Parent> found = new HashMap<>();
        List<String> all = new ArrayList<>(new HashSet<>(codes));
        for (int i = 0; i < all.size(); i += 1_000) {
            jdbc.sql("SELECT id, code, body_id FROM party_organization WHERE code IN (:codes)")
                    .param("codes", all.subList(i, Math.min(all.size(), i + 1_000)))
                    .query((rs, n) -> new PartyOrganization.Parent(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                    .list().forEach(p -> found.put(p.code(), p));
        }
        return found;
    }

    private static OrganizationView mapView(ResultSet rs, int n) throws SQLException {
        return new OrganizationView(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                OrganizationKind.valueOf(rs.getString("kind")), Sector.valueOf(rs.getString("sector")),
                rs.getString("region_code"), rs.getString("region_name"),
                rs.getObject("parent_id") == null ? null : rs.getLong("parent_id"), rs.getString("parent_code"),
                rs.getString("parent_name"), rs.getLong("body_id"), rs.getString("body_name"),
                rs.getString("leading_cadre"), OrganizationStatus.of(rs.getBoolean("active")),
                rs.getString("status_reason"), rs.getInt("version"), rs.getInt("child_count"));
    }
}
