package org.xuncha.organization;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.xuncha.common.BodyId;

/** The hierarchy of inspection bodies (province → city → county), for data scopes and roll-ups (上下联动). */
@Service
public class InspectionBodies {

    private final JdbcClient jdbc;

    InspectionBodies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The body and every body below it, at any depth. */
    public Set<BodyId> selfAndDescendants(BodyId root) {
        Set<BodyId> result = new LinkedHashSet<>();
        List<Long> frontier = List.of(root.value());
        result.add(root);
        while (!frontier.isEmpty()) {
            List<Long> children = jdbc.sql("SELECT id FROM inspection_body WHERE parent_id IN (:ids)")
                    .param("ids", frontier).query(Long.class).list();
            frontier = children.stream().filter(id -> result.add(BodyId.of(id))).toList();
        }
        return result;
    }

    public Optional<BodySummary> find(BodyId id) {
        return jdbc.sql("SELECT id, name, region_code, level, parent_id FROM inspection_body WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> new BodySummary(BodyId.of(rs.getLong(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5) == null ? null : BodyId.of(rs.getLong(5))))
                .optional();
    }

    public List<BodySummary> all() {
        return jdbc.sql("SELECT id, name, region_code, level, parent_id FROM inspection_body ORDER BY region_code")
                .query((rs, n) -> new BodySummary(BodyId.of(rs.getLong(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5) == null ? null : BodyId.of(rs.getLong(5))))
                .list();
    }

    /** A body as other modules see it. */
    public record BodySummary(BodyId id, String name, String regionCode, String level, BodyId parent) {
    }
}
