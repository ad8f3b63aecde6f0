package org.xuncha.supervision.revisit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;

/**
 * The revisit tables of V8_56. Every read of case data takes the caller's {@link DataScope} and filters in SQL
 * ({@link RevisitScope}); names come from organization's and inspection's read views. Writes check the row version
 * in their WHERE clause, so a change made on a stale reading updates nothing.
 */
@Repository
class RevisitRepository {

    /** The revisit list shows at most this many rows (the office's own body has a few hundred a year at most). */
    static final int LIST_MAX = 500;

    private final JdbcClient jdbc;

    RevisitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Check(RevisitCheck check, LocalDate on, String note) {
        boolean done() {
            return on != null;
        }
    }

    record Revisit(long id, long inspectionId, String teamName, long organizationId, String organizationName,
                   long bodyId, String bodyName, LocalDate fedBackOn, LocalDate plannedOn, RevisitStatus status,
                   String team, String surveyToken, List<Check> checks, LocalDate startedOn, LocalDate completedOn,
                   int rowVersion) {

        boolean checksDone() {
            return checks.stream().allMatch(Check::done);
        }
    }

    record Result(long itemId, ItemOutcome outcome, String note, Long redCardId, String decidedByName,
                  OffsetDateTime decidedAt) {
    }

    private static final String SELECT = """
            SELECT r.id, r.inspection_id, s.team_name, r.organization_id, o.name AS org_name, r.body_id,
                   b.name AS body_name, r.fed_back_on, r.planned_on, r.status, r.team, r.survey_token,
                   r.ledger_on, r.ledger_note, r.records_on, r.records_note, r.cases_on, r.cases_note, r.site_on,
                   r.site_note, r.started_on, r.completed_on, r.row_version
              FROM supervision_revisit r
              JOIN inspection_scope_view s ON s.id = r.inspection_id
              JOIN party_organization_view o ON o.id = r.organization_id
              JOIN inspection_body_view b ON b.id = r.body_id
            """;

    private static Revisit map(ResultSet rs, int n) throws SQLException {
        List<Check> checks = new ArrayList<>();
        for (RevisitCheck c : RevisitCheck.values()) {
            checks.add(new Check(c, rs.getObject(c.column() + "_on", LocalDate.class),
                    rs.getString(c.column() + "_note")));
        }
        return new Revisit(rs.getLong("id"), rs.getLong("inspection_id"), rs.getString("team_name"),
                rs.getLong("organization_id"), rs.getString("org_name"), rs.getLong("body_id"),
                rs.getString("body_name"), rs.getObject("fed_back_on", LocalDate.class),
                rs.getObject("planned_on", LocalDate.class), RevisitStatus.valueOf(rs.getString("status")),
                rs.getString("team"), rs.getString("survey_token"), List.copyOf(checks),
                rs.getObject("started_on", LocalDate.class), rs.getObject("completed_on", LocalDate.class),
                rs.getInt("row_version"));
    }

    List<Revisit> list(DataScope scope, RevisitStatus status) {
        return RevisitScope.bind(jdbc.sql(SELECT + " WHERE" + RevisitScope.readable(scope, "r")
                        + " AND (:status = '' OR r.status = :status) ORDER BY r.planned_on, r.id LIMIT " + LIST_MAX),
                scope).param("status", status == null ? "" : status.name()).query(RevisitRepository::map).list();
    }

    Optional<Revisit> find(DataScope scope, long id) {
        return RevisitScope.bind(jdbc.sql(SELECT + " WHERE r.id = :id AND" + RevisitScope.readable(scope, "r")),
                scope).param("id", id).query(RevisitRepository::map).optional();
    }

    List<Result> results(long revisit) {
        return jdbc.sql("""
                SELECT item_id, outcome, note, red_card_id, decided_by_name, decided_at
                  FROM supervision_revisit_result WHERE revisit_id = :r ORDER BY id
                """).param("r", revisit)
                .query((rs, n) -> new Result(rs.getLong(1), ItemOutcome.valueOf(rs.getString(2)), rs.getString(3),
                        (Long) rs.getObject(4, Long.class), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class)))
                .list();
    }

    /** Inserts the revisit unless (inspection, organization) has one; its id, or empty when it existed. */
    Optional<Long> schedule(long inspection, long organization, long body, LocalDate fedBackOn, LocalDate plannedOn,
                            String token, OffsetDateTime now) {
        int inserted = jdbc.sql("""
                INSERT INTO supervision_revisit (inspection_id, organization_id, body_id, fed_back_on, planned_on,
                                                 status, survey_token, row_version, created_at, updated_at)
                VALUES (:i, :o, :b, :fed, :planned, 'PLANNED', :token, 1, :now, :now)
                ON CONFLICT DO NOTHING
                """).param("i", inspection).param("o", organization).param("b", body).param("fed", fedBackOn)
                .param("planned", plannedOn).param("token", token).param("now", now).update();
        if (inserted == 0) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT id FROM supervision_revisit WHERE inspection_id = :i"
                        + " AND organization_id = :o").param("i", inspection).param("o", organization)
                .query(Long.class).single());
    }

    boolean plan(long id, int version, LocalDate plannedOn, String team, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE supervision_revisit SET planned_on = :p, team = :t, row_version = row_version + 1,
                       updated_at = :now WHERE id = :id AND row_version = :v
                """).param("p", plannedOn).param("t", team, java.sql.Types.VARCHAR).param("now", now)
                .param("id", id).param("v", version).update() == 1;
    }

    boolean move(long id, int version, RevisitStatus from, RevisitStatus to, LocalDate on, OffsetDateTime now) {
        String dateColumn = to == RevisitStatus.IN_PROGRESS ? "started_on" : "completed_on";
        return jdbc.sql("UPDATE supervision_revisit SET status = :to, " + dateColumn + " = :on,"
                        + " row_version = row_version + 1, updated_at = :now"
                        + " WHERE id = :id AND row_version = :v AND status = :from")
                .param("to", to.name()).param("on", on).param("now", now).param("id", id).param("v", version)
                .param("from", from.name()).update() == 1;
    }

    boolean recordCheck(long id, int version, RevisitCheck check, LocalDate on, String note, OffsetDateTime now) {
        return jdbc.sql("UPDATE supervision_revisit SET " + check.column() + "_on = :on, " + check.column()
                        + "_note = :note, row_version = row_version + 1, updated_at = :now"
                        + " WHERE id = :id AND row_version = :v")
                .param("on", on).param("note", note).param("now", now).param("id", id).param("v", version)
                .update() == 1;
    }

    /** Moves the version on for a change recorded in another row (an item's result). */
    boolean touch(long id, int version, OffsetDateTime now) {
        return jdbc.sql("UPDATE supervision_revisit SET row_version = row_version + 1, updated_at = :now"
                        + " WHERE id = :id AND row_version = :v").param("now", now).param("id", id)
                .param("v", version).update() == 1;
    }

    boolean hasResult(long revisit, long item) {
        return jdbc.sql("SELECT count(*) FROM supervision_revisit_result WHERE revisit_id = :r AND item_id = :i")
                .param("r", revisit).param("i", item).query(Long.class).single() > 0;
    }

    void insertResult(long revisit, long item, ItemOutcome outcome, String note, Long card, long by, String byName,
                      OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO supervision_revisit_result (revisit_id, item_id, outcome, note, red_card_id, decided_by,
                                                        decided_by_name, decided_at)
                VALUES (:r, :i, :o, :note, :card, :by, :name, :now)
                """).param("r", revisit).param("i", item).param("o", outcome.name())
                .param("note", note, java.sql.Types.VARCHAR).param("card", card, java.sql.Types.BIGINT)
                .param("by", by).param("name", byName).param("now", now).update();
    }

    int rowVersion(long id) {
        return jdbc.sql("SELECT row_version FROM supervision_revisit WHERE id = :id").param("id", id)
                .query(Integer.class).optional().orElse(0);
    }

    // ---- settings ---------------------------------------------------------------------------------------------

    record Setting(long bodyId, int monthsAfter, int rowVersion) {
    }

    Optional<Setting> setting(long body) {
        return jdbc.sql("SELECT body_id, months_after, row_version FROM supervision_revisit_setting WHERE body_id = :b")
                .param("b", body).query((rs, n) -> new Setting(rs.getLong(1), rs.getInt(2), rs.getInt(3)))
                .optional();
    }

    boolean saveSetting(long body, int months, int version, long by, OffsetDateTime now) {
        if (version == 0) {
            return jdbc.sql("""
                    INSERT INTO supervision_revisit_setting (body_id, months_after, row_version, updated_by, updated_at)
                    VALUES (:b, :m, 1, :by, :now) ON CONFLICT DO NOTHING
                    """).param("b", body).param("m", months).param("by", by).param("now", now).update() == 1;
        }
        return jdbc.sql("""
                UPDATE supervision_revisit_setting SET months_after = :m, row_version = row_version + 1,
                       updated_by = :by, updated_at = :now WHERE body_id = :b AND row_version = :v
                """).param("b", body).param("m", months).param("by", by).param("now", now).param("v", version)
                .update() == 1;
    }

    // ---- survey -----------------------------------------------------------------------------------------------

    record SurveyTarget(long revisitId, String organizationName, RevisitStatus status) {
    }

    Optional<SurveyTarget> byToken(String token) {
        return jdbc.sql("""
                SELECT r.id, o.name, r.status FROM supervision_revisit r
                  JOIN party_organization_view o ON o.id = r.organization_id WHERE r.survey_token = :t
                """).param("t", token)
                .query((rs, n) -> new SurveyTarget(rs.getLong(1), rs.getString(2),
                        RevisitStatus.valueOf(rs.getString(3))))
                .optional();
    }

    /** Stores one answer; false when its submission token was used (a form sent twice counts once). */
    boolean answer(long revisit, String submission, Map<SurveyQuestion, SurveyChoice> choices, String comment,
                   LocalDate on) {
        return jdbc.sql("""
                INSERT INTO supervision_survey_answer (revisit_id, submission, overall, rectification, style, comment,
                                                       answered_on)
                VALUES (:r, :s, :q1, :q2, :q3, :c, :on) ON CONFLICT DO NOTHING
                """).param("r", revisit).param("s", submission)
                .param("q1", choices.get(SurveyQuestion.OVERALL).name())
                .param("q2", choices.get(SurveyQuestion.RECTIFICATION).name())
                .param("q3", choices.get(SurveyQuestion.STYLE).name())
                .param("c", comment, java.sql.Types.VARCHAR).param("on", on).update() == 1;
    }

    /** Counts per question and choice of the revisit's answers, and their number. */
    Map<SurveyQuestion, Map<SurveyChoice, Long>> counts(long revisit) {
        Map<SurveyQuestion, Map<SurveyChoice, Long>> counts = new EnumMap<>(SurveyQuestion.class);
        for (SurveyQuestion q : SurveyQuestion.values()) {
            Map<SurveyChoice, Long> per = new EnumMap<>(SurveyChoice.class);
            for (SurveyChoice c : SurveyChoice.values()) {
                per.put(c, 0L);
            }
            counts.put(q, per);
        }
        for (SurveyQuestion q : SurveyQuestion.values()) {
            String column = switch (q) {
                case OVERALL -> "overall";
                case RECTIFICATION -> "rectification";
                case STYLE -> "style";
            };
            jdbc.sql("SELECT " + column + ", count(*) FROM supervision_survey_answer WHERE revisit_id = :r GROUP BY "
                            + column).param("r", revisit)
                    .query(rs -> {
                        counts.get(q).put(SurveyChoice.valueOf(rs.getString(1)), rs.getLong(2));
                    });
        }
        return counts;
    }

    List<String> comments(long revisit) {
        return jdbc.sql("SELECT comment FROM supervision_survey_answer WHERE revisit_id = :r AND comment IS NOT NULL"
                + " ORDER BY id").param("r", revisit).query(String.class).list();
    }
}
