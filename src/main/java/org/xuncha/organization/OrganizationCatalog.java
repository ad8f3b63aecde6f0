package org.xuncha.organization;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.OrganizationId;

/** The organization module's API for other modules. */
@Service
public class OrganizationCatalog {

    private final JdbcClient jdbc;

    OrganizationCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Names of administrative divisions (GB/T 2260 reference data, not case data) by code, for pages that would
     * otherwise show bare codes; codes not in the register are left out.
     */
    public java.util.Map<String, String> regionNames(java.util.Collection<String> codes) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        java.util.List<String> all = codes.stream().filter(java.util.Objects::nonNull).distinct().toList();
        for (int i = 0; i < all.size(); i += 1_000) {
            jdbc.sql("SELECT code, name FROM region WHERE code IN (:codes)")
                    .param("codes", all.subList(i, Math.min(all.size(), i + 1_000)))
                    .query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
        }
        return names;
    }

    /** The body that inspects the organization (its 管辖), used to place TARGET accounts. */
    public Optional<BodyId> bodyOf(OrganizationId organization) {
        return jdbc.sql("SELECT body_id FROM party_organization WHERE id = :id")
                .param("id", organization.value()).query(Long.class).optional().map(BodyId::of);
    }

    /** An organization as other modules see it, if the caller's scope can read it (same rule as the pages). */
    public Optional<OrganizationSummary> find(OrganizationId organization, DataScope scope) {
        if (scope.organization() != null && !scope.organization().equals(organization)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT id, code, name, kind, sector, region_code, body_id, active FROM party_organization
                WHERE id = :id AND body_id IN (:bodies)
                """).param("id", organization.value()).param("bodies", scope.readableBodyIds())
                .query((rs, n) -> new OrganizationSummary(OrganizationId.of(rs.getLong(1)), rs.getString(2),
                        rs.getString(3), OrganizationKind.valueOf(rs.getString(4)), Sector.valueOf(rs.getString(5)),
                        rs.getString(6), BodyId.of(rs.getLong(7)),
                        rs.getBoolean(8) ? OrganizationStatus.ACTIVE : OrganizationStatus.DEACTIVATED))
                .optional();
    }

    /** What other modules may know of an organization; the leading cadre's name is deliberately absent. */
    public record OrganizationSummary(OrganizationId id, String code, String name, OrganizationKind kind,
                                      Sector sector, String regionCode, BodyId body, OrganizationStatus status) {
    }

    /** An active organization by its code, e.g. to bind a TARGET account to it; inactive ones are not found. */
    public Optional<OrganizationRef> findByCode(String code) {
        return jdbc.sql("SELECT id, code, name, body_id FROM party_organization WHERE code = :code AND active = TRUE")
                .param("code", code).query(OrganizationCatalog::ref).optional();
    }

    /** An organization by id, active or not, for showing what an account is bound to. */
    public Optional<OrganizationRef> find(OrganizationId id) {
        return jdbc.sql("SELECT id, code, name, body_id FROM party_organization WHERE id = :id")
                .param("id", id.value()).query(OrganizationCatalog::ref).optional();
    }

    /** Organizations by code, active or not, for imports and forms that name them by code; unknown codes left out. */
    public java.util.Map<String, OrganizationRef> byCodes(java.util.Collection<String> codes) {
        java.util.Map<String, OrganizationRef> found = new java.util.HashMap<>();
        java.util.List<String> all = codes.stream().filter(java.util.Objects::nonNull).distinct().toList();
        for (int i = 0; i < all.size(); i += 1_000) {
            jdbc.sql("SELECT id, code, name, body_id FROM party_organization WHERE code IN (:codes)")
                    .param("codes", all.subList(i, Math.min(all.size(), i + 1_000)))
                    .query(OrganizationCatalog::ref).list().forEach(o -> found.put(o.code(), o));
        }
        return found;
    }

    /** Organizations by id, active or not, for showing what other records point at; unknown ids left out. */
    public java.util.Map<OrganizationId, OrganizationRef> byIds(java.util.Collection<OrganizationId> ids) {
        java.util.Map<OrganizationId, OrganizationRef> found = new java.util.HashMap<>();
        java.util.List<Long> all = ids.stream().map(OrganizationId::value).distinct().toList();
        for (int i = 0; i < all.size(); i += 1_000) {
            jdbc.sql("SELECT id, code, name, body_id FROM party_organization WHERE id IN (:ids)")
                    .param("ids", all.subList(i, Math.min(all.size(), i + 1_000)))
                    .query(OrganizationCatalog::ref).list().forEach(o -> found.put(o.id(), o));
        }
        return found;
    }

    /**
     * The organizations with every ancestor up to the top of their line, for avoidance (回避: the same line of
     * leadership). Organizations are not case data: active or not, of any body.
     */
    public OrganizationLines lines(java.util.Collection<OrganizationId> ids) {
        java.util.Map<OrganizationId, OrganizationLines.Node> nodes = new java.util.HashMap<>();
        java.util.Set<Long> wanted = new java.util.HashSet<>();
        ids.stream().filter(java.util.Objects::nonNull).forEach(id -> wanted.add(id.value()));
        while (!wanted.isEmpty()) {
            java.util.List<Long> batch = List.copyOf(wanted);
            wanted.clear();
            for (int i = 0; i < batch.size(); i += 1_000) {
                jdbc.sql("SELECT id, code, name, parent_id FROM party_organization WHERE id IN (:ids)")
                        .param("ids", batch.subList(i, Math.min(batch.size(), i + 1_000)))
                        .query((rs, n) -> {
                            long parent = rs.getLong(4);
                            OrganizationId parentId = rs.wasNull() ? null : OrganizationId.of(parent);
                            return new OrganizationLines.Node(OrganizationId.of(rs.getLong(1)), rs.getString(2),
                                    rs.getString(3), parentId);
                        }).list().forEach(node -> nodes.put(node.id(), node));
            }
            for (OrganizationLines.Node node : List.copyOf(nodes.values())) {
                if (node.parent() != null && !nodes.containsKey(node.parent())) {
                    wanted.add(node.parent().value());
                }
            }
        }
        return new OrganizationLines(nodes);
    }

    /** Every organization below each of these (children, their children …), for expanding a tie downwards. */
    public java.util.Map<OrganizationId, java.util.Set<OrganizationId>> descendants(
            java.util.Collection<OrganizationId> ids) {
        java.util.Map<Long, Long> parentOf = new java.util.HashMap<>();
        java.util.Set<Long> frontier = new java.util.HashSet<>();
        ids.stream().filter(java.util.Objects::nonNull).forEach(id -> frontier.add(id.value()));
        java.util.Set<Long> seen = new java.util.HashSet<>(frontier);
        while (!frontier.isEmpty()) {
            java.util.List<Long> batch = List.copyOf(frontier);
            frontier.clear();
            for (int i = 0; i < batch.size(); i += 1_000) {
                jdbc.sql("SELECT id, parent_id FROM party_organization WHERE parent_id IN (:ids)")
                        .param("ids", batch.subList(i, Math.min(batch.size(), i + 1_000)))
                        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list().forEach(row -> {
                            parentOf.put(row[0], row[1]);
                            if (seen.add(row[0])) {
                                frontier.add(row[0]);
                            }
                        });
            }
        }
        java.util.Map<OrganizationId, java.util.Set<OrganizationId>> below = new java.util.HashMap<>();
        for (OrganizationId id : ids) {
            below.put(id, new java.util.HashSet<>());
        }
        for (Long child : parentOf.keySet()) {
            java.util.Set<Long> path = new java.util.HashSet<>();
            Long up = parentOf.get(child);
            while (up != null && path.add(up)) {
                java.util.Set<OrganizationId> set = below.get(OrganizationId.of(up));
                if (set != null) {
                    set.add(OrganizationId.of(child));
                }
                up = parentOf.get(up);
            }
        }
        return below;
    }

    /** Region codes of organizations by id, active or not; unknown ids left out. */
    public java.util.Map<OrganizationId, String> regionCodes(java.util.Collection<OrganizationId> ids) {
        java.util.Map<OrganizationId, String> found = new java.util.HashMap<>();
        java.util.List<Long> all = ids.stream().filter(java.util.Objects::nonNull).map(OrganizationId::value)
                .distinct().toList();
        for (int i = 0; i < all.size(); i += 1_000) {
            jdbc.sql("SELECT id, region_code FROM party_organization WHERE id IN (:ids)")
                    .param("ids", all.subList(i, Math.min(all.size(), i + 1_000)))
                    .query((rs, n) -> found.put(OrganizationId.of(rs.getLong(1)), rs.getString(2))).list();
        }
        return found;
    }

    /** Organizations by exact full name, active or not, for imports that name them; a name may match several. */
    public java.util.Map<String, List<OrganizationRef>> byNames(java.util.Collection<String> names) {
        java.util.Map<String, List<OrganizationRef>> found = new java.util.HashMap<>();
        java.util.List<String> all = names.stream().filter(java.util.Objects::nonNull).distinct().toList();
        for (int i = 0; i < all.size(); i += 1_000) {
            jdbc.sql("SELECT id, code, name, body_id FROM party_organization WHERE name IN (:names) ORDER BY code")
                    .param("names", all.subList(i, Math.min(all.size(), i + 1_000)))
                    .query(OrganizationCatalog::ref).list()
                    .forEach(o -> found.computeIfAbsent(o.name(), k -> new java.util.ArrayList<>()).add(o));
        }
        return found;
    }

    /** Active organizations whose name or code contains {@code text}, for a picker; at most {@code limit}. */
    public List<OrganizationRef> search(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String like = org.xuncha.platform.sql.LikePattern.contains(text.strip().toLowerCase(java.util.Locale.ROOT));
        return jdbc.sql("""
                SELECT id, code, name, body_id FROM party_organization
                WHERE active = TRUE AND (LOWER(name) LIKE :q ESCAPE '\\' OR LOWER(code) LIKE :q ESCAPE '\\')
                ORDER BY LENGTH(name), code LIMIT :limit
                """).param("q", like).param("limit", Math.max(1, Math.min(limit, 50)))
                .query(OrganizationCatalog::ref).list();
    }

    private static OrganizationRef ref(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new OrganizationRef(OrganizationId.of(rs.getLong(1)), rs.getString(2), rs.getString(3),
                BodyId.of(rs.getLong(4)));
    }

    /** An organization as other modules see it: id, code, name and the body that inspects it. */
    public record OrganizationRef(OrganizationId id, String code, String name, BodyId body) {
    }
}
