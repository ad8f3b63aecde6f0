package org.xuncha.supervision.evaluation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.supervision.EvaluationConsequence;

/**
 * The model versions in SQL. Read rule: the OFFICE reads its readable bodies' models (a city office its counties');
 * everyone else reads no model list (a sheet's model content is read by {@link #content} once the sheet itself was
 * found in the caller's scope).
 */
@Repository
class ModelRepository {

    private final JdbcClient jdbc;

    ModelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record ModelRow(long id, long bodyId, long lineageId, int versionNo, String name, ModelStatus status,
                    String templateCode, int rowVersion, OffsetDateTime createdAt, OffsetDateTime publishedAt,
                    boolean writable) {
    }

    /** A stored indicator: its id (scores refer to it) and its content. */
    record StoredIndicator(long id, ModelDefinition.Indicator indicator) {
    }

    record Content(ModelDefinition definition, List<StoredIndicator> indicators) {
    }

    private static String readable(DataScope scope) {
        return scope.has(Role.OFFICE) && !scope.has(Role.TARGET) ? " m.body_id IN (:readable)" : " 1 = 0";
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DataScope scope) {
        return spec.param("readable", scope.readableBodyIds()).param("writable", scope.writableBodyIds());
    }

    private static final String COLUMNS = "SELECT m.id, m.body_id, m.lineage_id, m.version_no, m.name, m.status,"
            + " m.template_code, m.row_version, m.created_at, m.published_at,"
            + " CASE WHEN m.body_id IN (:writable) THEN 1 ELSE 0 END FROM supervision_evaluation_model m";

    private static ModelRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ModelRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5),
                ModelStatus.valueOf(rs.getString(6)), rs.getString(7), rs.getInt(8),
                rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class), rs.getInt(11) == 1);
    }

    List<ModelRow> list(DataScope scope) {
        return bind(jdbc.sql(COLUMNS + " WHERE" + readable(scope) + " ORDER BY m.body_id, m.lineage_id, m.version_no"),
                scope).query((rs, n) -> row(rs)).list();
    }

    Optional<ModelRow> find(long id, DataScope scope) {
        return bind(jdbc.sql(COLUMNS + " WHERE m.id = :id AND" + readable(scope)), scope).param("id", id)
                .query((rs, n) -> row(rs)).optional();
    }

    List<ModelRow> versions(long lineage, DataScope scope) {
        return bind(jdbc.sql(COLUMNS + " WHERE m.lineage_id = :l AND" + readable(scope) + " ORDER BY m.version_no"),
                scope).param("l", lineage).query((rs, n) -> row(rs)).list();
    }

    long insert(long body, Long lineage, int versionNo, String name, String template, long user,
                OffsetDateTime now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO supervision_evaluation_model (body_id, lineage_id, version_no, name, status,
                                                          template_code, row_version, created_by, created_at)
                VALUES (:b, :l, :v, :n, 'DRAFT', :t, 0, :u, :now)
                """).param("b", body).param("l", lineage).param("v", versionNo).param("n", name)
                .param("t", template).param("u", user).param("now", now).update(keys, "id");
        long id = keys.getKey().longValue();
        if (lineage == null) {
            jdbc.sql("UPDATE supervision_evaluation_model SET lineage_id = :id WHERE id = :id").param("id", id)
                    .update();
        }
        return id;
    }

    Optional<Long> draftOf(long lineage) {
        return jdbc.sql("SELECT id FROM supervision_evaluation_model WHERE lineage_id = :l AND status = 'DRAFT'")
                .param("l", lineage).query(Long.class).optional();
    }

    int lastVersion(long lineage) {
        return jdbc.sql("SELECT max(version_no) FROM supervision_evaluation_model WHERE lineage_id = :l")
                .param("l", lineage).query(Integer.class).single();
    }

    /** Moves the row version on, at the version read, only while the version is a draft. */
    boolean touchDraft(long id, int rowVersion, String name) {
        return jdbc.sql("""
                UPDATE supervision_evaluation_model SET row_version = row_version + 1, name = :n
                WHERE id = :id AND row_version = :v AND status = 'DRAFT'
                """).param("id", id).param("v", rowVersion).param("n", name).update() == 1;
    }

    boolean publish(long id, int rowVersion, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE supervision_evaluation_model SET row_version = row_version + 1, status = 'PUBLISHED',
                       published_at = :now
                WHERE id = :id AND row_version = :v AND status = 'DRAFT'
                """).param("id", id).param("v", rowVersion).param("now", now).update() == 1;
    }

    /** Replaces a draft's content (the caller moved its row version on in the same transaction). */
    void writeContent(long model, ModelDefinition d) {
        jdbc.sql("""
                DELETE FROM supervision_evaluation_band_consequence WHERE band_id IN
                  (SELECT id FROM supervision_evaluation_band WHERE model_id = :m)
                """).param("m", model).update();
        jdbc.sql("DELETE FROM supervision_evaluation_band WHERE model_id = :m").param("m", model).update();
        jdbc.sql("DELETE FROM supervision_evaluation_veto WHERE model_id = :m").param("m", model).update();
        jdbc.sql("""
                DELETE FROM supervision_evaluation_rule WHERE indicator_id IN
                  (SELECT id FROM supervision_evaluation_indicator WHERE model_id = :m)
                """).param("m", model).update();
        jdbc.sql("DELETE FROM supervision_evaluation_indicator WHERE model_id = :m").param("m", model).update();
        int pos = 0;
        for (ModelDefinition.Indicator i : d.indicators()) {
            pos++;
            var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO supervision_evaluation_indicator (model_id, position, name, weight, source, per_unit)
                    VALUES (:m, :p, :n, :w, :s, :u)
                    """).param("m", model).param("p", pos).param("n", i.name()).param("w", i.weight())
                    .param("s", i.source() == null ? null : i.source().name()).param("u", i.perUnit())
                    .update(keys, "id");
            long indicator = keys.getKey().longValue();
            int rp = 0;
            for (ModelDefinition.Rule r : i.rules()) {
                jdbc.sql("""
                        INSERT INTO supervision_evaluation_rule (indicator_id, position, description, points)
                        VALUES (:i, :p, :d, :pts)
                        """).param("i", indicator).param("p", ++rp).param("d", r.description())
                        .param("pts", r.points()).update();
            }
        }
        pos = 0;
        for (ModelDefinition.Veto v : d.vetoes()) {
            jdbc.sql("""
                    INSERT INTO supervision_evaluation_veto (model_id, position, source, threshold, description)
                    VALUES (:m, :p, :s, :t, :d)
                    """).param("m", model).param("p", ++pos).param("s", v.source().name())
                    .param("t", v.threshold()).param("d", v.description()).update();
        }
        pos = 0;
        for (ModelDefinition.Band b : d.bands()) {
            var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO supervision_evaluation_band (model_id, position, name, lower_bound)
                    VALUES (:m, :p, :n, :l)
                    """).param("m", model).param("p", ++pos).param("n", b.name()).param("l", b.lowerBound())
                    .update(keys, "id");
            long band = keys.getKey().longValue();
            for (EvaluationConsequence c : b.ordered()) {
                jdbc.sql("INSERT INTO supervision_evaluation_band_consequence (band_id, consequence) VALUES (:b, :c)")
                        .param("b", band).param("c", c.name()).update();
            }
        }
    }

    /** The content of a model version, indicators in their order. */
    Content content(long model) {
        String name = jdbc.sql("SELECT name FROM supervision_evaluation_model WHERE id = :m").param("m", model)
                .query(String.class).single();
        Map<Long, List<ModelDefinition.Rule>> rules = new HashMap<>();
        jdbc.sql("""
                SELECT r.indicator_id, r.description, r.points FROM supervision_evaluation_rule r
                JOIN supervision_evaluation_indicator i ON i.id = r.indicator_id
                WHERE i.model_id = :m ORDER BY r.indicator_id, r.position
                """).param("m", model).query(rs -> {
                    rules.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new ModelDefinition.Rule(rs.getString(2), rs.getBigDecimal(3).setScale(2)));
                });
        List<StoredIndicator> indicators = jdbc.sql("""
                SELECT id, name, weight, source, per_unit FROM supervision_evaluation_indicator
                WHERE model_id = :m ORDER BY position
                """).param("m", model).query((rs, n) -> {
                    BigDecimal perUnit = rs.getBigDecimal(5);
                    String source = rs.getString(4);
                    return new StoredIndicator(rs.getLong(1), new ModelDefinition.Indicator(rs.getString(2),
                            rs.getBigDecimal(3).setScale(2), source == null ? null : IndicatorSource.valueOf(source),
                            perUnit == null ? null : perUnit.setScale(2), rules.getOrDefault(rs.getLong(1), List.of())));
                }).list();
        List<ModelDefinition.Veto> vetoes = jdbc.sql("""
                SELECT source, threshold, description FROM supervision_evaluation_veto WHERE model_id = :m
                ORDER BY position
                """).param("m", model).query((rs, n) -> new ModelDefinition.Veto(
                        IndicatorSource.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3))).list();
        Map<Long, Set<EvaluationConsequence>> consequences = new HashMap<>();
        jdbc.sql("""
                SELECT c.band_id, c.consequence FROM supervision_evaluation_band_consequence c
                JOIN supervision_evaluation_band b ON b.id = c.band_id WHERE b.model_id = :m
                """).param("m", model).query(rs -> {
                    consequences.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(EvaluationConsequence.class))
                            .add(EvaluationConsequence.valueOf(rs.getString(2)));
                });
        List<ModelDefinition.Band> bands = jdbc.sql("""
                SELECT id, name, lower_bound FROM supervision_evaluation_band WHERE model_id = :m ORDER BY position
                """).param("m", model).query((rs, n) -> new ModelDefinition.Band(rs.getString(2),
                        rs.getBigDecimal(3).setScale(2), consequences.getOrDefault(rs.getLong(1), Set.of()))).list();
        return new Content(new ModelDefinition(name, indicators.stream().map(StoredIndicator::indicator).toList(),
                vetoes, bands), indicators);
    }
}
