package org.xuncha.findings.comparison;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;
import org.xuncha.findings.internal.FindingsScope;
import org.xuncha.inspection.InspectionStage;

/**
 * SQL of comparisons. Every read is filtered by the caller's scope in the statement: the summaries (counts, names)
 * by {@link FindingsScope#readable} (the team, and the office and leading group of the body, who supervise the
 * team's work), the rows by {@link FindingsScope#team} only — results stay inside the team. Both join
 * {@code inspection_scope_view}.
 */
@Repository
class ComparisonRepository {

    static final String SEPARATOR = "\u001F";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ComparisonRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** An inspection as the comparison pages name it. */
    public record InspectionRef(long id, String teamName, InspectionStage stage) {
    }

    Optional<InspectionRef> readableInspection(DataScope scope, long inspectionId) {
        return FindingsScope.bind(jdbc.sql("SELECT v.id, v.team_name, v.stage FROM inspection_scope_view v WHERE v.id = :id AND "
                + FindingsScope.readable(scope, "v", "v.id")), scope).param("id", inspectionId)
                .query((rs, n) -> new InspectionRef(rs.getLong(1), rs.getString(2), InspectionStage.valueOf(rs.getString(3)))).optional();
    }

    Optional<InspectionRef> teamInspection(DataScope scope, long inspectionId) {
        return FindingsScope.bind(jdbc.sql("SELECT v.id, v.team_name, v.stage FROM inspection_scope_view v WHERE v.id = :id AND "
                + FindingsScope.team(scope, "v.id")), scope).param("id", inspectionId)
                .query((rs, n) -> new InspectionRef(rs.getLong(1), rs.getString(2), InspectionStage.valueOf(rs.getString(3)))).optional();
    }

    /** An inspection past preparation with the number of its comparisons, for the index page. */
    public record InspectionCount(long id, String teamName, InspectionStage stage, int comparisons) {
    }

    List<InspectionCount> inspections(DataScope scope) {
        return FindingsScope.bind(jdbc.sql("""
                SELECT v.id, v.team_name, v.stage,
                       (SELECT count(*) FROM findings_comparison c WHERE c.inspection_id = v.id) AS n
                FROM inspection_scope_view v WHERE v.stage <> 'PREPARING' AND
                """ + FindingsScope.readable(scope, "v", "v.id") + " ORDER BY v.id DESC FETCH FIRST 200 ROWS ONLY"),
                scope).query((rs, n) -> new InspectionCount(rs.getLong(1), rs.getString(2),
                        InspectionStage.valueOf(rs.getString(3)), rs.getInt(4))).list();
    }

    private static final String SUMMARY = """
            SELECT c.id, c.inspection_id, c.title, c.left_name, c.right_name, c.key_kind, c.strict_mode, c.left_rows,
                   c.right_rows, c.matched, c.only_left, c.only_right, c.left_rejected, c.right_rejected, c.mismatches,
                   c.created_by, c.created_at
            FROM findings_comparison c JOIN inspection_scope_view v ON v.id = c.inspection_id
            """;

    List<ComparisonSummary> list(DataScope scope, long inspectionId) {
        return FindingsScope.bind(jdbc.sql(SUMMARY + " WHERE c.inspection_id = :i AND "
                + FindingsScope.readable(scope, "v", "c.inspection_id") + " ORDER BY c.id DESC"), scope)
                .param("i", inspectionId).query(ComparisonRepository::summary).list();
    }

    Optional<ComparisonSummary> summary(DataScope scope, long id) {
        return FindingsScope.bind(jdbc.sql(SUMMARY + " WHERE c.id = :id AND "
                + FindingsScope.readable(scope, "v", "c.inspection_id")), scope)
                .param("id", id).query(ComparisonRepository::summary).optional();
    }

    /** The summary only for the inspection's team (who may open the rows). */
    Optional<ComparisonSummary> teamSummary(DataScope scope, long id) {
        return FindingsScope.bind(jdbc.sql(SUMMARY + " WHERE c.id = :id AND "
                + FindingsScope.team(scope, "c.inspection_id")), scope)
                .param("id", id).query(ComparisonRepository::summary).optional();
    }

    /** The column names shown for each side, left then right. */
    Optional<List<List<String>>> columns(DataScope scope, long id) {
        return FindingsScope.bind(jdbc.sql("SELECT c.left_columns, c.right_columns FROM findings_comparison c WHERE c.id = :id AND "
                + FindingsScope.team(scope, "c.inspection_id")), scope).param("id", id)
                .query((rs, n) -> List.of(split(rs.getString(1)), split(rs.getString(2)))).optional();
    }

    /** One sealed chunk of a list, for the inspection's team only. */
    Optional<byte[]> chunk(DataScope scope, long id, ResultList list, int chunkNo) {
        return FindingsScope.bind(jdbc.sql("""
                SELECT k.payload FROM findings_comparison_chunk k JOIN findings_comparison c ON c.id = k.comparison_id
                WHERE k.comparison_id = :id AND k.result_list = :list AND k.chunk_no = :n AND
                """ + FindingsScope.team(scope, "c.inspection_id")), scope).param("id", id)
                .param("list", list.name()).param("n", chunkNo).query((rs, n) -> rs.getBytes(1)).optional();
    }

    long insert(ComparisonSummary s, List<String> leftColumns, List<String> rightColumns) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO findings_comparison (inspection_id, title, left_name, right_name, key_kind, strict_mode,
                    left_columns, right_columns, left_rows, right_rows, matched, only_left, only_right, left_rejected,
                    right_rejected, mismatches, created_by, created_at)
                VALUES (:i, :title, :ln, :rn, :kind, :strict, :lc, :rc, :lr, :rr, :m, :ol, :or, :lj, :rj, :mm, :by, :at)
                """).param("i", s.inspectionId()).param("title", s.title()).param("ln", s.leftName())
                .param("rn", s.rightName()).param("kind", s.keyKind().name()).param("strict", s.strict())
                .param("lc", String.join(SEPARATOR, leftColumns)).param("rc", String.join(SEPARATOR, rightColumns))
                .param("lr", s.leftRows()).param("rr", s.rightRows()).param("m", s.matched())
                .param("ol", s.onlyLeft()).param("or", s.onlyRight()).param("lj", s.leftRejected())
                .param("rj", s.rightRejected()).param("mm", s.mismatches()).param("by", s.createdBy())
                .param("at", s.createdAt().atOffset(ZoneOffset.UTC)).update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertChunks(long id, ResultList list, List<byte[]> payloads, List<Integer> counts) {
        List<Object[]> args = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            args.add(new Object[]{id, list.name(), i, counts.get(i), payloads.get(i)});
        }
        template.batchUpdate("INSERT INTO findings_comparison_chunk (comparison_id, result_list, chunk_no, row_count,"
                + " payload) VALUES (?, ?, ?, ?, ?)", args);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(SEPARATOR, -1));
    }

    private static ComparisonSummary summary(ResultSet rs, int n) throws SQLException {
        return new ComparisonSummary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                KeyKind.valueOf(rs.getString(6)), rs.getBoolean(7), rs.getInt(8), rs.getInt(9), rs.getInt(10),
                rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getInt(14), rs.getInt(15), rs.getString(16),
                rs.getObject(17, OffsetDateTime.class).toInstant());
    }
}
