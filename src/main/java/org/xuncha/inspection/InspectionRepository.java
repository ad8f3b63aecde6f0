package org.xuncha.inspection;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.people.TeamRole;
import org.xuncha.platform.web.ResultPage;

/**
 * Inspections, their targets, teams, stage history and entry announcement. Every read of case data takes the
 * caller's {@link DataScope} and filters in SQL: OFFICE and LEADER by readable body, team roles by the
 * inspections they are on, anyone else sees nothing. SQL fragments are constants; request values travel as
 * named parameters. Organizations and bodies are read through organization's read views
 * ({@code party_organization_view}, {@code inspection_body_view}); inspectors and accounts are not read here at
 * all (people's and identity's APIs name them).
 */
@Repository
class InspectionRepository {

    private static final String VIEW = """
            SELECT i.id, i.body_id, b.name AS body_name, i.round_id, r.name AS round_name, i.team_name, i.mode,
                   i.special_topic, i.look_back_of, i.form_elevated, i.form_cross, i.form_extended, i.form_system,
                   i.form_linked, i.form_audit_linked, i.linked_with, i.audit_linked_with, i.team_county_code, i.stage,
                   i.stationed_on, i.withdrawn_on, i.feedback_on, i.closed_on, i.version
            FROM inspection i
            JOIN inspection_body_view b ON b.id = i.body_id
            JOIN inspection_round r ON r.id = i.round_id
            """;

    /** Form flag columns, one constant per form. */
    private static final Map<InspectionForm, String> FORM_COLUMNS = Map.of(
            InspectionForm.ELEVATED, "form_elevated", InspectionForm.CROSS, "form_cross",
            InspectionForm.EXTENDED, "form_extended", InspectionForm.SYSTEM, "form_system",
            InspectionForm.LINKED, "form_linked", InspectionForm.AUDIT_LINKED, "form_audit_linked");

    /** A party organization as the form rules need it. */
    record Organization(long id, String code, String name, String sector, String regionCode, long bodyId,
                        Long parentId, boolean active) {
    }

    /** What the stage machine needs of an inspection row. */
    record Row(long id, long bodyId, long roundId, InspectionStage stage, LocalDate stationedOn,
               LocalDate withdrawnOn, LocalDate feedbackOn, int version) {
    }

    private final JdbcClient jdbc;
    private final ZoneId zone;

    InspectionRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    // ---- scope --------------------------------------------------------------------------------------------

    static String readable(DataScope scope) {
        if (scope.hasAny(Role.OFFICE, Role.LEADER)) {
            return " i.body_id IN (:bodies)";
        }
        if (scope.hasAny(Role.TEAM_LEADER, Role.TEAM_MEMBER)) {
            return " i.id IN (:team)";
        }
        return " 1 = 0";
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DataScope scope) {
        return spec.param("bodies", scope.readableBodyIds()).param("team", scope.inspectionIds());
    }

    // ---- reading ------------------------------------------------------------------------------------------

    Optional<InspectionView> find(long id, DataScope scope) {
        return bind(jdbc.sql(VIEW + " WHERE i.id = :id AND" + readable(scope)), scope).param("id", id)
                .query(InspectionRepository::map).optional().map(v -> withTargetNames(List.of(v)).get(0));
    }

    /** The views with the names of their main targets, read in one query for the whole page. */
    private List<InspectionView> withTargetNames(List<InspectionView> views) {
        if (views.isEmpty()) {
            return views;
        }
        Map<Long, List<String>> names = new HashMap<>();
        jdbc.sql("""
                SELECT t.inspection_id, o.name FROM inspection_target t JOIN party_organization_view o ON o.id = t.organization_id
                WHERE t.inspection_id IN (:ids) AND t.extended_from IS NULL ORDER BY t.inspection_id, o.code
                """).param("ids", views.stream().map(InspectionView::id).toList())
                .query((rs, n) -> names.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return views.stream().map(v -> new InspectionView(v.id(), v.bodyId(), v.bodyName(), v.roundId(), v.roundName(),
                v.teamName(), v.mode(), v.specialTopic(), v.lookBackOf(), v.forms(), v.linkedWith(), v.auditLinkedWith(),
                v.teamCountyCode(), v.stage(), v.stationedOn(), v.withdrawnOn(), v.feedbackOn(), v.closedOn(), v.version(),
                String.join("、", names.getOrDefault(v.id(), List.of())))).toList();
    }

    /** The row for a change, if the caller reads it (the service then checks whether it may change it). */
    Optional<Row> row(long id, DataScope scope) {
        return bind(jdbc.sql("""
                SELECT i.id, i.body_id, i.round_id, i.stage, i.stationed_on, i.withdrawn_on, i.feedback_on, i.version
                FROM inspection i WHERE i.id = :id AND""" + readable(scope)), scope).param("id", id)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        InspectionStage.valueOf(rs.getString(4)), date(rs, 5), date(rs, 6), date(rs, 7), rs.getInt(8)))
                .optional();
    }

    ResultPage<InspectionView> search(InspectionFilter filter, DataScope scope, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE").append(readable(scope));
        Map<String, Object> params = new HashMap<>();
        if (filter.round() != null) {
            where.append(" AND i.round_id = :round");
            params.put("round", filter.round());
        }
        if (filter.stage() != null) {
            where.append(" AND i.stage = :stage");
            params.put("stage", filter.stage().name());
        }
        if (filter.mode() != null) {
            where.append(" AND i.mode = :mode");
            params.put("mode", filter.mode().name());
        }
        if (filter.form() != null) {
            where.append(" AND i.").append(FORM_COLUMNS.get(filter.form())).append(" = TRUE");
        }
        if (filter.target() != null && !filter.target().isBlank()) {
            where.append(" ").append("""
                    AND EXISTS (SELECT 1 FROM inspection_target t JOIN party_organization_view o ON o.id = t.organization_id
                                 WHERE t.inspection_id = i.id AND (o.name LIKE :target ESCAPE '\\' OR o.code LIKE :target ESCAPE '\\'))""");
            params.put("target", filter.targetPattern());
        }
        long total = bind(jdbc.sql("SELECT count(*) FROM inspection i" + where), scope).params(params)
                .query(Long.class).single();
        List<InspectionView> rows = bind(jdbc.sql(VIEW + where
                        + " ORDER BY r.planned_station_on DESC, i.id DESC LIMIT :limit OFFSET :offset"), scope)
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query(InspectionRepository::map).list();
        return new ResultPage<>(withTargetNames(rows), page, size, total);
    }

    List<InspectionTarget> targets(long inspection) {
        return jdbc.sql("""
                SELECT o.id, o.code, o.name, o.region_code, o.sector, t.extended_from, f.name
                FROM inspection_target t
                JOIN party_organization_view o ON o.id = t.organization_id
                LEFT JOIN party_organization_view f ON f.id = t.extended_from
                WHERE t.inspection_id = :id
                ORDER BY CASE WHEN t.extended_from IS NULL THEN 0 ELSE 1 END, o.code
                """).param("id", inspection)
                .query((rs, n) -> new InspectionTarget(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), (Long) rs.getObject(6, Long.class), rs.getString(7)))
                .list();
    }

    /**
     * The seats of the team, current ones first by role; the inspector's code and name and the account's username
     * are people's and identity's data and left empty here ({@link Inspections#team} adds them through their APIs).
     */
    List<TeamMemberView> team(long inspection) {
        return jdbc.sql("""
                SELECT m.id, m.inspector_id, m.team_role, m.user_id, m.joined_at, m.left_at
                FROM team_member m
                WHERE m.inspection_id = :id
                ORDER BY CASE WHEN m.left_at IS NULL THEN 0 ELSE 1 END,
                         CASE m.team_role WHEN 'LEADER' THEN 0 WHEN 'DEPUTY' THEN 1 WHEN 'LIAISON' THEN 2 ELSE 3 END, m.id
                """).param("id", inspection)
                .query((rs, n) -> new TeamMemberView(rs.getLong(1), rs.getLong(2), null, null,
                        TeamRole.valueOf(rs.getString(3)), (Long) rs.getObject(4, Long.class), null,
                        time(rs, 5), time(rs, 6)))
                .list();
    }

    List<StageChangeView> history(long inspection) {
        return jdbc.sql("""
                SELECT from_stage, to_stage, effective_on, note, actor, occurred_at FROM inspection_stage_change
                WHERE inspection_id = :id ORDER BY occurred_at, id
                """).param("id", inspection)
                .query((rs, n) -> new StageChangeView(InspectionStage.valueOf(rs.getString(1)),
                        InspectionStage.valueOf(rs.getString(2)), date(rs, 3), rs.getString(4), rs.getString(5),
                        time(rs, 6)))
                .list();
    }

    Optional<ReportSubmissionView> reportSubmission(long inspection) {
        return jdbc.sql("""
                SELECT submitted_on, note, actor, occurred_at FROM inspection_report_submission
                WHERE inspection_id = :id
                """).param("id", inspection)
                .query((rs, n) -> new ReportSubmissionView(date(rs, 1), rs.getString(2), rs.getString(3), time(rs, 4)))
                .optional();
    }

    /** Records the report's submission; false when the inspection already has one (the primary key decides). */
    boolean insertReportSubmission(long inspection, LocalDate on, String note, String actor, Long actorId,
                                   OffsetDateTime now) {
        try {
            jdbc.sql("""
                    INSERT INTO inspection_report_submission (inspection_id, submitted_on, note, actor, actor_id,
                                                              occurred_at)
                    VALUES (:i, :on, :note, :actor, :actorId, :now)
                    """).param("i", inspection).param("on", on).param("note", note, Types.VARCHAR)
                    .param("actor", actor).param("actorId", actorId, Types.BIGINT).param("now", now).update();
            return true;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    Optional<EntryAnnouncementView> announcement(long inspection) {
        return jdbc.sql("""
                SELECT inspection_id, phone, mailbox, accepts, period_from, period_to, cut_off_on, channel_code,
                       channel_open, version
                FROM entry_announcement WHERE inspection_id = :id
                """).param("id", inspection).query(InspectionRepository::mapAnnouncement).optional();
    }

    Optional<EntryAnnouncementView> announcementByChannel(String code) {
        return jdbc.sql("""
                SELECT inspection_id, phone, mailbox, accepts, period_from, period_to, cut_off_on, channel_code,
                       channel_open, version
                FROM entry_announcement WHERE channel_code = :code
                """).param("code", code).query(InspectionRepository::mapAnnouncement).optional();
    }

    String teamName(long inspection) {
        return jdbc.sql("SELECT team_name FROM inspection WHERE id = :id").param("id", inspection)
                .query(String.class).single();
    }

    /** The period of the inspection: the announcement's, else the stage dates, else the round's plan. */
    LocalDate[] period(long inspection) {
        return jdbc.sql("""
                SELECT COALESCE(ea.period_from, i.stationed_on, r.planned_station_on),
                       COALESCE(ea.period_to, i.withdrawn_on, r.planned_withdraw_on)
                FROM inspection i JOIN inspection_round r ON r.id = i.round_id
                LEFT JOIN entry_announcement ea ON ea.inspection_id = i.id
                WHERE i.id = :id
                """).param("id", inspection).query((rs, n) -> new LocalDate[] {date(rs, 1), date(rs, 2)}).single();
    }

    /** Team names of other inspections the inspector currently sits on whose period overlaps [from, to]. */
    List<String> overlappingAssignments(long inspector, long self, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT i.team_name FROM team_member m
                JOIN inspection i ON i.id = m.inspection_id
                JOIN inspection_round r ON r.id = i.round_id
                LEFT JOIN entry_announcement ea ON ea.inspection_id = i.id
                WHERE m.inspector_id = :inspector AND m.left_at IS NULL AND i.id <> :self
                  AND COALESCE(ea.period_from, i.stationed_on, r.planned_station_on) <= :to
                  AND COALESCE(ea.period_to, i.withdrawn_on, r.planned_withdraw_on) >= :from
                ORDER BY i.id
                """).param("inspector", inspector).param("self", self).param("from", from).param("to", to)
                .query(String.class).list();
    }

    /**
     * Inspectors who currently sit on an inspection (of any body) other than {@code except} whose period overlaps
     * [from, to]: they cannot be drawn for another team in that period. Only ids, no case data.
     */
    Set<Long> engagedInspectors(java.util.Collection<Long> except, LocalDate from, LocalDate to) {
        return new java.util.HashSet<>(jdbc.sql("""
                SELECT DISTINCT m.inspector_id FROM team_member m
                JOIN inspection i ON i.id = m.inspection_id
                JOIN inspection_round r ON r.id = i.round_id
                LEFT JOIN entry_announcement ea ON ea.inspection_id = i.id
                WHERE m.left_at IS NULL AND i.id NOT IN (:except)
                  AND COALESCE(ea.period_from, i.stationed_on, r.planned_station_on) <= :to
                  AND COALESCE(ea.period_to, i.withdrawn_on, r.planned_withdraw_on) >= :from
                """).param("except", except.isEmpty() ? List.of(-1L) : except)
                .param("from", from).param("to", to).query(Long.class).list());
    }

    // ---- organizations (read for the rules, through organization's party_organization_view) ---------------

    Optional<Organization> organizationByCode(String code) {
        return jdbc.sql(ORG + " WHERE code = :code").param("code", code).query(InspectionRepository::mapOrg).optional();
    }

    Optional<Organization> organization(long id) {
        return jdbc.sql(ORG + " WHERE id = :id").param("id", id).query(InspectionRepository::mapOrg).optional();
    }

    private static final String ORG = """
            SELECT id, code, name, sector, region_code, body_id, parent_id, active FROM party_organization_view""";

    /** Active organizations of the given bodies whose name or code contains {@code q}, for the target search. */
    List<Organization> searchOrganizations(String q, java.util.Set<Long> bodies, int limit) {
        String p = org.xuncha.platform.sql.LikePattern.contains(q.strip());
        return jdbc.sql(ORG + " WHERE active = TRUE AND body_id IN (:bodies) AND (name LIKE :q ESCAPE '\\' OR code LIKE :q ESCAPE '\\')"
                        + " ORDER BY code LIMIT :limit")
                .param("bodies", bodies).param("q", p).param("limit", limit).query(InspectionRepository::mapOrg).list();
    }

    /** Main targets of an inspection, by organization id. */
    List<Long> mainTargetIds(long inspection) {
        return jdbc.sql("SELECT organization_id FROM inspection_target WHERE inspection_id = :id AND extended_from IS NULL")
                .param("id", inspection).query(Long.class).list();
    }

    // ---- writing ------------------------------------------------------------------------------------------

    long insert(long body, long round, String teamName, InspectionMode mode, String topic, Long lookBackOf,
                Set<InspectionForm> forms, String linkedWith, String auditLinkedWith, String teamCounty,
                OffsetDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO inspection (body_id, round_id, team_name, mode, special_topic, look_back_of, form_elevated,
                                        form_cross, form_extended, form_system, form_linked, form_audit_linked,
                                        linked_with, audit_linked_with, team_county_code, stage, created_at, version)
                VALUES (:body, :round, :team, :mode, :topic, :lookBack, :elevated, :cross, :extended, :system, :linked,
                        :audit, :linkedWith, :auditWith, :county, 'PREPARING', :now, 0)
                """).param("body", body).param("round", round).param("team", teamName).param("mode", mode.name())
                .param("topic", topic, Types.VARCHAR).param("lookBack", lookBackOf, Types.BIGINT)
                .param("elevated", forms.contains(InspectionForm.ELEVATED))
                .param("cross", forms.contains(InspectionForm.CROSS))
                .param("extended", forms.contains(InspectionForm.EXTENDED))
                .param("system", forms.contains(InspectionForm.SYSTEM))
                .param("linked", forms.contains(InspectionForm.LINKED))
                .param("audit", forms.contains(InspectionForm.AUDIT_LINKED))
                .param("linkedWith", linkedWith, Types.VARCHAR).param("auditWith", auditLinkedWith, Types.VARCHAR)
                .param("county", teamCounty, Types.VARCHAR).param("now", now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertTarget(long inspection, long organization, Long extendedFrom) {
        jdbc.sql("""
                INSERT INTO inspection_target (inspection_id, organization_id, extended_from) VALUES (:i, :o, :f)
                """).param("i", inspection).param("o", organization).param("f", extendedFrom, Types.BIGINT).update();
    }

    /** Bumps the version if it is still {@code version}: the optimistic check of a change to the inspection. */
    boolean touch(long id, int version) {
        return jdbc.sql("UPDATE inspection SET version = version + 1 WHERE id = :id AND version = :version")
                .param("id", id).param("version", version).update() == 1;
    }

    /** Moves the stage if nobody changed the inspection since it was read; the date column is a constant. */
    boolean moveStage(long id, int version, InspectionStage from, InspectionStage to, String dateColumn, LocalDate on) {
        String set = dateColumn == null ? "" : ", " + dateColumn + " = :on";
        var spec = jdbc.sql("UPDATE inspection SET stage = :to" + set + ", version = version + 1"
                        + " WHERE id = :id AND version = :version AND stage = :from");
        if (dateColumn != null) {
            spec = spec.param("on", on);
        }
        return spec.param("to", to.name()).param("id", id).param("version", version)
                .param("from", from.name()).update() == 1;
    }

    void insertStageChange(long inspection, InspectionStage from, InspectionStage to, LocalDate on, String note,
                           String actor, Long actorId, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO inspection_stage_change (inspection_id, from_stage, to_stage, effective_on, note, actor,
                                                     actor_id, occurred_at)
                VALUES (:i, :from, :to, :on, :note, :actor, :actorId, :now)
                """).param("i", inspection).param("from", from.name()).param("to", to.name()).param("on", on)
                .param("note", note, Types.VARCHAR).param("actor", actor).param("actorId", actorId, Types.BIGINT)
                .param("now", now).update();
    }

    long insertMember(long inspection, long inspector, TeamRole role, Long user, OffsetDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO team_member (inspection_id, inspector_id, team_role, user_id, joined_at)
                VALUES (:i, :p, :role, :user, :now)
                """).param("i", inspection).param("p", inspector).param("role", role.name())
                .param("user", user, Types.BIGINT).param("now", now).update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean removeMember(long inspection, long member, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE team_member SET left_at = :now WHERE id = :m AND inspection_id = :i AND left_at IS NULL
                """).param("now", now).param("m", member).param("i", inspection).update() == 1;
    }

    void insertAnnouncement(long inspection, EntryAnnouncementDraft d) {
        jdbc.sql("""
                INSERT INTO entry_announcement (inspection_id, phone, mailbox, accepts, period_from, period_to, cut_off_on,
                                                channel_open, version)
                VALUES (:i, :phone, :mailbox, :accepts, :from, :to, :cut, FALSE, 0)
                """).param("i", inspection).param("phone", d.phone()).param("mailbox", d.mailbox())
                .param("accepts", d.accepts()).param("from", d.periodFrom()).param("to", d.periodTo())
                .param("cut", d.cutOffOn()).update();
    }

    boolean updateAnnouncement(long inspection, int version, EntryAnnouncementDraft d) {
        return jdbc.sql("""
                UPDATE entry_announcement SET phone = :phone, mailbox = :mailbox, accepts = :accepts,
                       period_from = :from, period_to = :to, cut_off_on = :cut, version = version + 1
                WHERE inspection_id = :i AND version = :version
                """).param("i", inspection).param("phone", d.phone()).param("mailbox", d.mailbox())
                .param("accepts", d.accepts()).param("from", d.periodFrom()).param("to", d.periodTo())
                .param("cut", d.cutOffOn()).param("version", version).update() == 1;
    }

    void openChannel(long inspection, String code) {
        jdbc.sql("""
                UPDATE entry_announcement SET channel_code = :code, channel_open = TRUE, version = version + 1
                WHERE inspection_id = :i
                """).param("code", code).param("i", inspection).update();
    }

    void closeChannel(long inspection) {
        jdbc.sql("UPDATE entry_announcement SET channel_open = FALSE, version = version + 1 WHERE inspection_id = :i")
                .param("i", inspection).update();
    }

    boolean channelTaken(String code) {
        return jdbc.sql("SELECT count(*) FROM entry_announcement WHERE channel_code = :c").param("c", code)
                .query(Long.class).single() > 0;
    }

    // ---- mapping ------------------------------------------------------------------------------------------

    private static InspectionView map(ResultSet rs, int n) throws SQLException {
        Set<InspectionForm> forms = EnumSet.noneOf(InspectionForm.class);
        for (var e : FORM_COLUMNS.entrySet()) {
            if (rs.getBoolean(e.getValue())) {
                forms.add(e.getKey());
            }
        }
        return new InspectionView(rs.getLong("id"), rs.getLong("body_id"), rs.getString("body_name"), rs.getLong("round_id"),
                rs.getString("round_name"), rs.getString("team_name"), InspectionMode.valueOf(rs.getString("mode")),
                rs.getString("special_topic"), (Long) rs.getObject("look_back_of", Long.class), forms,
                rs.getString("linked_with"), rs.getString("audit_linked_with"), rs.getString("team_county_code"),
                InspectionStage.valueOf(rs.getString("stage")), date(rs, "stationed_on"), date(rs, "withdrawn_on"),
                date(rs, "feedback_on"), date(rs, "closed_on"), rs.getInt("version"), "");
    }

    private static EntryAnnouncementView mapAnnouncement(ResultSet rs, int n) throws SQLException {
        return new EntryAnnouncementView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), date(rs, 5),
                date(rs, 6), date(rs, 7), rs.getString(8), rs.getBoolean(9), rs.getInt(10));
    }

    private static Organization mapOrg(ResultSet rs, int n) throws SQLException {
        return new Organization(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), (Long) rs.getObject(7, Long.class), rs.getBoolean(8));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    /** A stored instant (UTC) as pages and the API show it: in the configured zone. */
    private OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        OffsetDateTime stored = rs.getObject(column, OffsetDateTime.class);
        return stored == null ? null : stored.atZoneSameInstant(zone).toOffsetDateTime();
    }

}
