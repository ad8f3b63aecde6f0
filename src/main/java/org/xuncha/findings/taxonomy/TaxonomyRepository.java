package org.xuncha.findings.taxonomy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.findings.HeadingScheme;

/**
 * The taxonomy tables (V8_20). Every read takes the office's body: built-in rows (body_id NULL) and the body's own,
 * never another office's.
 */
@Repository
class TaxonomyRepository {

    private final JdbcClient jdbc;

    TaxonomyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String ITEM = """
            SELECT id, scheme, parent_id, level, ordinal, label, body_id, active FROM finding_heading_item
            """;

    private HeadingItem item(java.sql.ResultSet rs) throws java.sql.SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new HeadingItem(rs.getLong("id"), HeadingScheme.valueOf(rs.getString("scheme")),
                parentId, rs.getInt("level"), rs.getInt("ordinal"), rs.getString("label"),
                rs.getObject("body_id") == null, rs.getBoolean("active"));
    }

    List<HeadingItem> items(long body) {
        return jdbc.sql(ITEM + " WHERE body_id IS NULL OR body_id = :b ORDER BY scheme, level, ordinal, id")
                .param("b", body).query((rs, n) -> item(rs)).list();
    }

    Optional<HeadingItem> item(long id, long body) {
        return jdbc.sql(ITEM + " WHERE id = :id AND (body_id IS NULL OR body_id = :b)")
                .param("id", id).param("b", body).query((rs, n) -> item(rs)).optional();
    }

    /** Whether an active sibling under {@code parent} visible to the body already has this label. */
    boolean siblingLabelTaken(long parent, long body, String label) {
        return jdbc.sql("""
                SELECT count(*) FROM finding_heading_item
                WHERE parent_id = :p AND active = TRUE AND (body_id IS NULL OR body_id = :b) AND label = :l
                """).param("p", parent).param("b", body).param("l", label).query(Long.class).single() > 0;
    }

    long addItem(HeadingItem parent, long body, String label, Long actor, OffsetDateTime at) {
        int ordinal = jdbc.sql("SELECT coalesce(max(ordinal), 0) + 1 FROM finding_heading_item WHERE parent_id = :p")
                .param("p", parent.id()).query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO finding_heading_item (scheme, parent_id, level, ordinal, label, body_id, created_by, created_at)
                VALUES (:s, :p, :lv, :o, :l, :b, :a, :at)
                """).param("s", parent.scheme().name()).param("p", parent.id()).param("lv", parent.level() + 1)
                .param("o", ordinal).param("l", label).param("b", body).param("a", actor).param("at", at).update();
        return jdbc.sql("SELECT max(id) FROM finding_heading_item WHERE parent_id = :p AND body_id = :b")
                .param("p", parent.id()).param("b", body).query(Long.class).single();
    }

    /** Retires an item of the body's own and its own descendants; returns how many rows changed. */
    int retireItem(long id, long body) {
        int changed = jdbc.sql("UPDATE finding_heading_item SET active = FALSE WHERE id = :id AND body_id = :b AND active = TRUE")
                .param("id", id).param("b", body).update();
        if (changed > 0) {
            changed += jdbc.sql("""
                    UPDATE finding_heading_item SET active = FALSE
                    WHERE body_id = :b AND active = TRUE AND parent_id = :id
                    """).param("id", id).param("b", body).update();
        }
        return changed;
    }

    Map<String, HeadingScheme> choices(long body) {
        Map<String, HeadingScheme> result = new java.util.HashMap<>();
        jdbc.sql("SELECT sector, scheme FROM finding_scheme_choice WHERE body_id = :b").param("b", body)
                .query((rs, n) -> Map.entry(rs.getString("sector"), HeadingScheme.valueOf(rs.getString("scheme"))))
                .list().forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    void choose(long body, String sector, HeadingScheme scheme, Long actor, OffsetDateTime at) {
        int updated = jdbc.sql("""
                UPDATE finding_scheme_choice SET scheme = :s, chosen_by = :a, chosen_at = :at
                WHERE body_id = :b AND sector = :sector
                """).param("s", scheme.name()).param("a", actor).param("at", at).param("b", body)
                .param("sector", sector).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO finding_scheme_choice (body_id, sector, scheme, chosen_by, chosen_at)
                    VALUES (:b, :sector, :s, :a, :at)
                    """).param("b", body).param("sector", sector).param("s", scheme.name()).param("a", actor)
                    .param("at", at).update();
        }
    }

    List<TopicTag> tags(long body) {
        return jdbc.sql("""
                SELECT id, label, body_id, active FROM finding_topic_tag
                WHERE body_id IS NULL OR body_id = :b ORDER BY body_id NULLS FIRST, id
                """).param("b", body).query((rs, n) -> new TopicTag(rs.getLong("id"), rs.getString("label"),
                        rs.getObject("body_id") == null, rs.getBoolean("active"))).list();
    }

    boolean tagTaken(long body, String label) {
        return jdbc.sql("""
                SELECT count(*) FROM finding_topic_tag
                WHERE active = TRUE AND (body_id IS NULL OR body_id = :b) AND label = :l
                """).param("b", body).param("l", label).query(Long.class).single() > 0;
    }

    long addTag(long body, String label, Long actor, OffsetDateTime at) {
        jdbc.sql("INSERT INTO finding_topic_tag (label, body_id, created_by, created_at) VALUES (:l, :b, :a, :at)")
                .param("l", label).param("b", body).param("a", actor).param("at", at).update();
        return jdbc.sql("SELECT max(id) FROM finding_topic_tag WHERE body_id = :b").param("b", body)
                .query(Long.class).single();
    }

    int retireTag(long id, long body) {
        return jdbc.sql("UPDATE finding_topic_tag SET active = FALSE WHERE id = :id AND body_id = :b AND active = TRUE")
                .param("id", id).param("b", body).update();
    }
}
