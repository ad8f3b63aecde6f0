package org.xuncha.organization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;

/** Inspection bodies as the bodies page shows and edits them; reads are limited to the caller's bodies. */
@Repository
class InspectionBodyRepository {

    private final JdbcClient jdbc;

    InspectionBodyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A body with its figures and how deep it sits below the caller's top body (for indentation). */
    record BodyView(long id, String name, String regionCode, String level, Long parentId, int depth,
                    int leadingGroupSize, String leadingGroupPosts, String officeName, int standingTeams, int quota,
                    int staffed, int version, long organizations) {

        public boolean overQuota() {
            return staffed > quota;
        }

        public String levelLabel() {
            try {
                return org.xuncha.common.RegionLevel.valueOf(level).label();
            } catch (IllegalArgumentException e) {
                return level;
            }
        }
    }

    /** The readable bodies as a tree in depth-first order. */
    List<BodyView> readable(DataScope scope) {
        List<BodyView> flat = jdbc.sql("""
                SELECT b.id, b.name, b.region_code, b.level, b.parent_id, b.leading_group_size, b.leading_group_posts,
                       b.office_name, b.standing_teams, b.quota, b.staffed, b.version,
                       (SELECT count(*) FROM party_organization o WHERE o.body_id = b.id AND o.active = TRUE) AS orgs
                FROM inspection_body b WHERE b.id IN (:bodies) ORDER BY b.region_code
                """).param("bodies", scope.readableBodyIds())
                .query((rs, n) -> new BodyView(rs.getLong("id"), rs.getString("name"), rs.getString("region_code"),
                        rs.getString("level"), rs.getObject("parent_id") == null ? null : rs.getLong("parent_id"), 0,
                        rs.getInt("leading_group_size"), rs.getString("leading_group_posts"), rs.getString("office_name"),
                        rs.getInt("standing_teams"), rs.getInt("quota"), rs.getInt("staffed"), rs.getInt("version"),
                        rs.getLong("orgs")))
                .list();
        Map<Long, List<BodyView>> byParent = new HashMap<>();
        List<BodyView> roots = new ArrayList<>();
        var ids = flat.stream().map(BodyView::id).collect(java.util.stream.Collectors.toSet());
        for (BodyView b : flat) {
            if (b.parentId() == null || !ids.contains(b.parentId())) {
                roots.add(b);
            } else {
                byParent.computeIfAbsent(b.parentId(), k -> new ArrayList<>()).add(b);
            }
        }
        List<BodyView> ordered = new ArrayList<>();
        roots.forEach(r -> walk(r, 0, byParent, ordered));
        return ordered;
    }

    private static void walk(BodyView b, int depth, Map<Long, List<BodyView>> byParent, List<BodyView> out) {
        out.add(new BodyView(b.id(), b.name(), b.regionCode(), b.level(), b.parentId(), depth, b.leadingGroupSize(),
                b.leadingGroupPosts(), b.officeName(), b.standingTeams(), b.quota(), b.staffed(), b.version(),
                b.organizations()));
        if (depth < 10) {
            byParent.getOrDefault(b.id(), List.of()).forEach(c -> walk(c, depth + 1, byParent, out));
        }
    }

    Optional<InspectionBody> findWritable(long id, DataScope scope) {
        return jdbc.sql("""
                SELECT id, version, leading_group_size, leading_group_posts, office_name, standing_teams, quota, staffed
                FROM inspection_body WHERE id = :id AND id IN (:writable)
                """).param("id", id).param("writable", scope.writableBodyIds())
                .query((rs, n) -> new InspectionBody(rs.getLong(1), rs.getInt(2), new InspectionBody.Figures(
                        rs.getInt(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8))))
                .optional();
    }

    boolean update(InspectionBody body, int expectedVersion) {
        InspectionBody.Figures f = body.figures();
        return jdbc.sql("""
                UPDATE inspection_body SET leading_group_size = :size, leading_group_posts = :posts, office_name = :office,
                       standing_teams = :teams, quota = :quota, staffed = :staffed, version = version + 1
                WHERE id = :id AND version = :version
                """)
                .param("size", f.leadingGroupSize()).param("posts", f.leadingGroupPosts(), java.sql.Types.VARCHAR)
                .param("office", f.officeName(), java.sql.Types.VARCHAR).param("teams", f.standingTeams())
                .param("quota", f.quota()).param("staffed", f.staffed()).param("id", body.id())
                .param("version", expectedVersion).update() == 1;
    }
}
