package org.xuncha.supervision.evaluation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;
import org.xuncha.supervision.EvaluationConsequence;

/** Evaluations, their sheets, scores and actions in SQL; every read of a sheet goes through {@link EvaluationScope}. */
@Repository
class EvaluationRepository {

    private final JdbcClient jdbc;

    EvaluationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record EvaluationRow(long id, long bodyId, long inspectionId, long modelId, String title, OffsetDateTime openedAt,
                         int rowVersion) {
    }

    /** A sheet with what the caller may do with it: score (group member), decide (office of its body). */
    record SheetRow(long id, long evaluationId, long bodyId, long inspectionId, long organizationId,
                    String organizationName, SheetStatus status, Figures figures, OffsetDateTime figuresAt,
                    BigDecimal total, boolean vetoed, String vetoReason, String grade, OffsetDateTime submittedAt,
                    OffsetDateTime confirmedAt, int rowVersion, long modelId, String title, boolean scorer,
                    boolean office) {
    }

    record Score(long indicatorId, BigDecimal score, boolean automatic, String basis, String reason, Long scoredBy,
                 OffsetDateTime scoredAt) {
    }

    record ActionRow(long id, long sheetId, long bodyId, long inspectionId, long organizationId,
                     EvaluationConsequence consequence, ActionStatus status, String linkTarget,
                     OffsetDateTime createdAt, OffsetDateTime doneAt, int rowVersion, String organizationName,
                     boolean office) {
    }

    long insertEvaluation(long body, long inspection, long model, String title, long user, OffsetDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO supervision_evaluation (body_id, inspection_id, model_id, title, opened_by, opened_at,
                                                    row_version)
                VALUES (:b, :i, :m, :t, :u, :now, 0)
                """).param("b", body).param("i", inspection).param("m", model).param("t", title).param("u", user)
                .param("now", now).update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean exists(long inspection, long model) {
        return jdbc.sql("SELECT count(*) FROM supervision_evaluation WHERE inspection_id = :i AND model_id = :m")
                .param("i", inspection).param("m", model).query(Long.class).single() > 0;
    }

    void insertMember(long evaluation, long user) {
        jdbc.sql("INSERT INTO supervision_evaluation_member (evaluation_id, user_id) VALUES (:e, :u)")
                .param("e", evaluation).param("u", user).update();
    }

    List<Long> members(long evaluation) {
        return jdbc.sql("SELECT user_id FROM supervision_evaluation_member WHERE evaluation_id = :e ORDER BY user_id")
                .param("e", evaluation).query(Long.class).list();
    }

    long insertSheet(long evaluation, long body, long inspection, long organization, String name) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO supervision_evaluation_sheet (evaluation_id, body_id, inspection_id, organization_id,
                                                          organization_name, status, vetoed, row_version)
                VALUES (:e, :b, :i, :o, :n, 'SCORING', FALSE, 0)
                """).param("e", evaluation).param("b", body).param("i", inspection).param("o", organization)
                .param("n", name).update(keys, "id");
        return keys.getKey().longValue();
    }

    void writeFigures(long sheet, Figures f, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE supervision_evaluation_sheet SET problems = :p, done = :d, due = :due, on_time = :ot,
                       red_cards = :rc, figures_at = :now WHERE id = :id
                """).param("p", f.problems()).param("d", f.done()).param("due", f.due()).param("ot", f.onTime())
                .param("rc", f.redCards()).param("now", now).param("id", sheet).update();
    }

    void deleteAutomaticScores(long sheet) {
        jdbc.sql("DELETE FROM supervision_evaluation_score WHERE sheet_id = :s AND automatic = TRUE")
                .param("s", sheet).update();
    }

    void writeScore(long sheet, long indicator, BigDecimal score, boolean automatic, String basis, String reason,
                    Long user, OffsetDateTime now) {
        jdbc.sql("DELETE FROM supervision_evaluation_score WHERE sheet_id = :s AND indicator_id = :i")
                .param("s", sheet).param("i", indicator).update();
        jdbc.sql("""
                INSERT INTO supervision_evaluation_score (sheet_id, indicator_id, score, automatic, basis, reason,
                                                          scored_by, scored_at)
                VALUES (:s, :i, :score, :a, :basis, :reason, :u, :now)
                """).param("s", sheet).param("i", indicator).param("score", score).param("a", automatic)
                .param("basis", basis).param("reason", reason).param("u", user).param("now", now).update();
    }

    Map<Long, Score> scores(long sheet) {
        Map<Long, Score> scores = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT indicator_id, score, automatic, basis, reason, scored_by, scored_at
                FROM supervision_evaluation_score WHERE sheet_id = :s
                """).param("s", sheet).query(rs -> {
                    BigDecimal s = rs.getBigDecimal(2);
                    long by = rs.getLong(6);
                    scores.put(rs.getLong(1), new Score(rs.getLong(1), s == null ? null : s.setScale(2),
                            rs.getBoolean(3), rs.getString(4), rs.getString(5), rs.wasNull() ? null : by,
                            rs.getObject(7, OffsetDateTime.class)));
                });
        return scores;
    }

    private static final String SHEET = """
            SELECT s.id, s.evaluation_id, s.body_id, s.inspection_id, s.organization_id, s.organization_name, s.status,
                   s.problems, s.done, s.due, s.on_time, s.red_cards, s.figures_at, s.total, s.vetoed, s.veto_reason,
                   s.grade, s.submitted_at, s.confirmed_at, s.row_version, e.model_id, e.title,
                   CASE WHEN %s THEN 1 ELSE 0 END, CASE WHEN %s THEN 1 ELSE 0 END
            FROM supervision_evaluation_sheet s JOIN supervision_evaluation e ON e.id = s.evaluation_id
            """;

    private static String sheetSql(DataScope scope) {
        return SHEET.formatted(EvaluationScope.scorer(scope, "s"), EvaluationScope.officeWritable(scope, "s"));
    }

    private static SheetRow sheet(ResultSet rs) throws SQLException {
        BigDecimal total = rs.getBigDecimal(14);
        return new SheetRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getString(6), SheetStatus.valueOf(rs.getString(7)),
                new Figures(rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12)),
                rs.getObject(13, OffsetDateTime.class), total == null ? null : total.setScale(2), rs.getBoolean(15),
                rs.getString(16), rs.getString(17), rs.getObject(18, OffsetDateTime.class),
                rs.getObject(19, OffsetDateTime.class), rs.getInt(20), rs.getLong(21), rs.getString(22),
                rs.getInt(23) == 1, rs.getInt(24) == 1);
    }

    Optional<SheetRow> sheet(long id, DataScope scope) {
        return EvaluationScope.bind(jdbc.sql(sheetSql(scope) + " WHERE s.id = :id AND"
                + EvaluationScope.readable(scope, "s")), scope).param("id", id).query((rs, n) -> sheet(rs)).optional();
    }

    /** The caller's sheets, newest evaluation first; {@code evaluation} null: of every evaluation. */
    List<SheetRow> sheets(DataScope scope, Long evaluation) {
        return EvaluationScope.bind(jdbc.sql(sheetSql(scope) + " WHERE" + EvaluationScope.readable(scope, "s")
                + (evaluation == null ? "" : " AND s.evaluation_id = :e")
                + " ORDER BY s.evaluation_id DESC, s.organization_name, s.id"), scope)
                .param("e", evaluation == null ? -1L : evaluation).query((rs, n) -> sheet(rs)).list();
    }

    /** An evaluation the caller reads at least one sheet of. */
    Optional<EvaluationRow> evaluation(long id, DataScope scope) {
        return EvaluationScope.bind(jdbc.sql("""
                SELECT e.id, e.body_id, e.inspection_id, e.model_id, e.title, e.opened_at, e.row_version
                FROM supervision_evaluation e WHERE e.id = :id AND EXISTS (SELECT 1 FROM supervision_evaluation_sheet s
                WHERE s.evaluation_id = e.id AND""" + EvaluationScope.readable(scope, "s") + ")"), scope)
                .param("id", id).query((rs, n) -> new EvaluationRow(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getInt(7)))
                .optional();
    }

    /** Moves a sheet on, at the row version read and from the status read; false when someone moved it first. */
    boolean move(long id, int rowVersion, SheetStatus from, SheetStatus to, BigDecimal total, boolean vetoed,
                 String vetoReason, String grade, OffsetDateTime submittedAt, OffsetDateTime confirmedAt,
                 Long confirmedBy) {
        return jdbc.sql("""
                UPDATE supervision_evaluation_sheet SET status = :to, total = :total, vetoed = :vetoed,
                       veto_reason = :vr, grade = :grade, submitted_at = :sa, confirmed_at = :ca, confirmed_by = :cb,
                       row_version = row_version + 1
                WHERE id = :id AND row_version = :v AND status = :from
                """).param("to", to.name()).param("total", total).param("vetoed", vetoed).param("vr", vetoReason)
                .param("grade", grade).param("sa", submittedAt).param("ca", confirmedAt).param("cb", confirmedBy)
                .param("id", id).param("v", rowVersion).param("from", from.name()).update() == 1;
    }

    /** Moves a scoring sheet's row version on (a score or the figures changed). */
    boolean touchScoring(long id, int rowVersion) {
        return jdbc.sql("""
                UPDATE supervision_evaluation_sheet SET row_version = row_version + 1
                WHERE id = :id AND row_version = :v AND status = 'SCORING'
                """).param("id", id).param("v", rowVersion).update() == 1;
    }

    long insertAction(SheetRow s, EvaluationConsequence c, OffsetDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO supervision_evaluation_action (sheet_id, body_id, inspection_id, organization_id,
                                                           consequence, status, created_at, row_version)
                VALUES (:s, :b, :i, :o, :c, 'TODO', :now, 0)
                """).param("s", s.id()).param("b", s.bodyId()).param("i", s.inspectionId())
                .param("o", s.organizationId()).param("c", c.name()).param("now", now).update(keys, "id");
        return keys.getKey().longValue();
    }

    private static final String ACTION = """
            SELECT a.id, a.sheet_id, a.body_id, a.inspection_id, a.organization_id, a.consequence, a.status,
                   a.link_target, a.created_at, a.done_at, a.row_version, s.organization_name,
                   CASE WHEN %s THEN 1 ELSE 0 END
            FROM supervision_evaluation_action a JOIN supervision_evaluation_sheet s ON s.id = a.sheet_id
            """;

    private static ActionRow action(ResultSet rs) throws SQLException {
        return new ActionRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                EvaluationConsequence.valueOf(rs.getString(6)), ActionStatus.valueOf(rs.getString(7)),
                rs.getString(8), rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class),
                rs.getInt(11), rs.getString(12), rs.getInt(13) == 1);
    }

    List<ActionRow> actions(long sheet, DataScope scope) {
        return EvaluationScope.bind(jdbc.sql(ACTION.formatted(EvaluationScope.officeWritable(scope, "s"))
                + " WHERE a.sheet_id = :s AND" + EvaluationScope.readable(scope, "s") + " ORDER BY a.id"), scope)
                .param("s", sheet).query((rs, n) -> action(rs)).list();
    }

    Optional<ActionRow> action(long id, DataScope scope) {
        return EvaluationScope.bind(jdbc.sql(ACTION.formatted(EvaluationScope.officeWritable(scope, "s"))
                + " WHERE a.id = :id AND" + EvaluationScope.readable(scope, "s")), scope)
                .param("id", id).query((rs, n) -> action(rs)).optional();
    }

    boolean markDone(long id, int rowVersion, String link, long user, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE supervision_evaluation_action SET status = 'DONE', link_target = :l, done_at = :now,
                       done_by = :u, row_version = row_version + 1
                WHERE id = :id AND row_version = :v AND status = 'TODO'
                """).param("l", link).param("now", now).param("u", user).param("id", id).param("v", rowVersion)
                .update() == 1;
    }

    /** The office (or, without one, the body) that evaluates, as the report signs it: organization's read view. */
    String officeName(long body) {
        return jdbc.sql("SELECT coalesce(office_name, name) FROM inspection_body_view WHERE id = :b").param("b", body)
                .query(String.class).optional().orElse("");
    }
}
