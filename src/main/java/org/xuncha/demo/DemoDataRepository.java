package org.xuncha.demo;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.demo.DemoWorld.AccountRow;
import org.xuncha.demo.DemoWorld.AnnouncementRow;
import org.xuncha.demo.DemoWorld.BodyRow;
import org.xuncha.demo.DemoWorld.InspectionRow;
import org.xuncha.demo.DemoWorld.InspectorRow;
import org.xuncha.demo.DemoWorld.MemberRow;
import org.xuncha.demo.DemoWorld.OrganizationRow;
import org.xuncha.demo.DemoWorld.PlanEntryRow;
import org.xuncha.demo.DemoWorld.RegionRow;
import org.xuncha.demo.DemoWorld.StageChangeRow;
import org.xuncha.demo.DemoWorld.TargetRow;
import org.xuncha.demo.DemoWorld.TermRow;
import org.xuncha.inspection.InspectionForm;

/**
 * Bulk writes of a {@link DemoWorld} into the organization, people, identity and planning tables (see
 * package-info for why this module may). Columns follow V1__platform.sql, V2__organization.sql, V3__people.sql
 * and V5__planning.sql. Every write
 * joins the caller's transaction; rows are sent in JDBC batches of {@link #BATCH}. Nullable batch parameters
 * carry their SQL type: without it the driver is asked for parameter metadata once per null (a round trip
 * per row on PostgreSQL).
 */
@Repository
class DemoDataRepository {

    private static final int BATCH = 2000;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final ZoneId zone;

    DemoDataRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.zone = clock.getZone();
    }

    long countBodies() {
        return jdbc.sql("SELECT count(*) FROM inspection_body").query(Long.class).single();
    }

    /**
     * Refreshes the planner statistics after a bulk load. On a server whose autovacuum has not yet run, the
     * coverage queries otherwise pick hash plans over whole tables (docs/benchmarks.md). H2 and PostgreSQL
     * both accept a bare {@code ANALYZE}.
     */
    void analyze() {
        jdbc.sql("ANALYZE").update();
    }

    boolean embeddedH2() {
        String url = batch.getJdbcTemplate().execute((ConnectionCallback<String>) c -> c.getMetaData().getURL());
        return url != null && url.startsWith("jdbc:h2:");
    }

    List<String> existingUsernames(List<String> usernames) {
        return jdbc.sql("SELECT username FROM user_account WHERE username IN (:names)")
                .param("names", usernames).query(String.class).list();
    }

    void insertRegions(List<RegionRow> rows) {
        write("INSERT INTO region (code, name, level, parent_code) VALUES (:code, :name, :level, :parent)", rows,
                r -> new MapSqlParameterSource().addValue("code", r.code()).addValue("name", r.name())
                        .addValue("level", r.level().name()).addValue("parent", r.parentCode(), Types.VARCHAR));
    }

    /** Inserts the bodies, parents first, and returns their ids by region code. */
    Map<String, Long> insertBodies(List<BodyRow> rows) {
        Map<String, Long> ids = new HashMap<>();
        for (BodyRow b : rows) {
            jdbc.sql("""
                    INSERT INTO inspection_body (name, region_code, level, parent_id, standing_teams, quota, staffed)
                    VALUES (:name, :region, :level, :parent, :teams, :quota, :staffed)
                    """)
                    .param("name", b.name()).param("region", b.regionCode()).param("level", b.level().name())
                    .param("parent", b.parentRegionCode() == null ? null : ids.get(b.parentRegionCode()))
                    .param("teams", b.standingTeams()).param("quota", b.quota()).param("staffed", b.staffed())
                    .update();
            ids.put(b.regionCode(), jdbc.sql("SELECT id FROM inspection_body WHERE region_code = :r")
                    .param("r", b.regionCode()).query(Long.class).single());
        }
        return ids;
    }

    /** Inserts organizations whose parents (if any) are in {@code ids}, and adds the new ids to it. */
    void insertOrganizations(List<OrganizationRow> rows, Map<String, Long> bodies, Map<String, Long> ids,
                             OffsetDateTime now) {
        write("""
                INSERT INTO party_organization (code, name, kind, sector, region_code, parent_id, body_id,
                                                leading_cadre, active, created_at, updated_at)
                VALUES (:code, :name, :kind, :sector, :region, :parent, :body, :cadre, TRUE, :now, :now)
                """, rows, o -> new MapSqlParameterSource().addValue("code", o.code()).addValue("name", o.name())
                .addValue("kind", o.kind().name()).addValue("sector", o.sector().name())
                .addValue("region", o.regionCode())
                .addValue("parent", o.parentCode() == null ? null : ids.get(o.parentCode()), Types.BIGINT)
                .addValue("body", bodies.get(o.bodyRegionCode())).addValue("cadre", o.leadingCadre())
                .addValue("now", now));
        ids.putAll(idsByCode("SELECT code, id FROM party_organization"));
    }

    /** Inserts inspectors with their sealed identity numbers; returns inspector ids by code. */
    Map<String, Long> insertInspectors(List<InspectorRow> rows, List<String[]> sealedAndIndex,
                                       Map<String, Long> bodies, OffsetDateTime now) {
        List<SqlParameterSource> params = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            InspectorRow p = rows.get(i);
            params.add(new MapSqlParameterSource().addValue("code", p.code()).addValue("name", p.name())
                    .addValue("gender", p.gender()).addValue("sealed", sealedAndIndex.get(i)[0])
                    .addValue("index", sealedAndIndex.get(i)[1]).addValue("body", bodies.get(p.bodyRegionCode()))
                    .addValue("employer", p.employer()).addValue("post", p.post()).addValue("rank", p.rank().name())
                    .addValue("residence", p.residenceCode()).addValue("workplace", p.workplaceCode())
                    .addValue("hometown", p.hometownCode()).addValue("canLead", p.canLead())
                    .addValue("active", p.active()).addValue("now", now));
        }
        send("""
                INSERT INTO inspector (code, name, gender, id_number_sealed, id_number_index, body_id, employer, post,
                                       rank, residence_code, workplace_code, hometown_code, can_lead, active,
                                       created_at, updated_at)
                VALUES (:code, :name, :gender, :sealed, :index, :body, :employer, :post, :rank, :residence, :workplace,
                        :hometown, :canLead, :active, :now, :now)
                """, params);
        return idsByCode("SELECT code, id FROM inspector");
    }

    void insertInspectorDetails(List<InspectorRow> rows, Map<String, Long> inspectors, Map<String, Long> organizations) {
        List<SqlParameterSource> postings = new ArrayList<>();
        List<SqlParameterSource> skills = new ArrayList<>();
        List<SqlParameterSource> absences = new ArrayList<>();
        List<SqlParameterSource> relatives = new ArrayList<>();
        List<SqlParameterSource> assignments = new ArrayList<>();
        List<SqlParameterSource> employers = new ArrayList<>();
        for (InspectorRow p : rows) {
            long id = inspectors.get(p.code());
            p.postings().forEach(x -> postings.add(new MapSqlParameterSource().addValue("id", id)
                    .addValue("region", x.regionCode()).addValue("post", x.post(), Types.VARCHAR)
                    .addValue("from", x.fromYear(), Types.INTEGER).addValue("to", x.toYear(), Types.INTEGER)
                    .addValue("org", x.organizationCode() == null ? null : organizations.get(x.organizationCode()),
                            Types.BIGINT)));
            if (p.employerOrganizationCode() != null) {
                employers.add(new MapSqlParameterSource().addValue("id", id)
                        .addValue("org", organizations.get(p.employerOrganizationCode())));
            }
            p.skills().forEach(x -> skills.add(new MapSqlParameterSource().addValue("id", id).addValue("skill", x.name())));
            p.absences().forEach(x -> absences.add(new MapSqlParameterSource().addValue("id", id)
                    .addValue("starts", x.startsOn()).addValue("ends", x.endsOn()).addValue("reason", x.reason())));
            p.relatives().forEach(x -> relatives.add(new MapSqlParameterSource().addValue("id", id)
                    .addValue("org", organizations.get(x.organizationCode())).addValue("relation", x.relation())));
            p.assignments().forEach(x -> assignments.add(new MapSqlParameterSource().addValue("id", id)
                    .addValue("org", organizations.get(x.organizationCode())).addValue("year", x.year())
                    .addValue("role", x.teamRole())));
        }
        send("""
                INSERT INTO inspector_posting (inspector_id, region_code, post, from_year, to_year, organization_id)
                VALUES (:id, :region, :post, :from, :to, :org)
                """, postings);
        send("UPDATE inspector SET employer_organization_id = :org WHERE id = :id", employers);
        send("INSERT INTO inspector_skill (inspector_id, skill) VALUES (:id, :skill)", skills);
        send("""
                INSERT INTO inspector_absence (inspector_id, starts_on, ends_on, reason)
                VALUES (:id, :starts, :ends, :reason)
                """, absences);
        send("INSERT INTO inspector_relative (inspector_id, organization_id, relation) VALUES (:id, :org, :relation)",
                relatives);
        send("""
                INSERT INTO inspector_assignment (inspector_id, organization_id, assigned_year, team_role)
                VALUES (:id, :org, :year, :role)
                """, assignments);
    }

    void insertAccount(AccountRow account, String passwordHash, Long body, Long organization, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO user_account (username, display_name, password_hash, body_id, organization_id, department,
                                          password_changed_at, created_at)
                VALUES (:u, :d, :p, :b, :o, :dept, :now, :now)
                """).param("u", account.username()).param("d", account.displayName()).param("p", passwordHash)
                .param("b", body).param("o", organization).param("dept", account.department()).param("now", now)
                .update();
        long id = jdbc.sql("SELECT id FROM user_account WHERE username = :u").param("u", account.username())
                .query(Long.class).single();
        jdbc.sql("INSERT INTO user_role (user_account, role) VALUES (:id, :r)").param("id", id)
                .param("r", account.role().name()).update();
    }

    /** Account ids by username, for linking team members to the demo accounts. */
    Map<String, Long> accountIds() {
        return idsByCode("SELECT username, id FROM user_account");
    }

    /**
     * Writes the planning rows (V5__planning.sql): terms with their plans and approval, rounds, inspections with
     * targets, teams, stage history and announcements, and information requests; then intake's and staffing's
     * records of those inspections, which their listeners keep from inspection's events in normal operation.
     */
    void insertPlanning(DemoWorld.Planning planning, Map<String, Long> bodies, Map<String, Long> organizations,
                        Map<String, Long> inspectors, Map<String, Long> accounts) {
        List<SqlParameterSource> terms = new ArrayList<>();
        for (TermRow t : planning.terms()) {
            terms.add(new MapSqlParameterSource().addValue("body", bodies.get(t.bodyRegionCode()))
                    .addValue("name", t.name()).addValue("first", t.firstYear()).addValue("last", t.lastYear())
                    .addValue("approvedAt", at(t.approvedOn())).addValue("approvedBy", t.approvedBy())
                    .addValue("created", at(t.createdOn())));
        }
        send("""
                INSERT INTO term (body_id, name, first_year, last_year, plan_status, approved_at, approved_by, created_at)
                VALUES (:body, :name, :first, :last, 'APPROVED', :approvedAt, :approvedBy, :created)
                """, terms);
        Map<Long, String> bodyRegion = new HashMap<>();
        bodies.forEach((region, id) -> bodyRegion.put(id, region));
        Map<String, Long> termIds = new HashMap<>();
        jdbc.sql("SELECT id, body_id, first_year FROM term").query(rs -> {
            termIds.put(bodyRegion.get(rs.getLong(2)) + "/" + rs.getInt(3), rs.getLong(1));
        });
        List<SqlParameterSource> entries = new ArrayList<>();
        List<SqlParameterSource> approvals = new ArrayList<>();
        for (TermRow t : planning.terms()) {
            long term = termIds.get(t.key());
            for (PlanEntryRow e : t.entries()) {
                entries.add(new MapSqlParameterSource().addValue("term", term)
                        .addValue("org", organizations.get(e.organizationCode())).addValue("year", e.plannedYear())
                        .addValue("round", e.plannedRound()));
            }
            approvals.add(new MapSqlParameterSource().addValue("term", term)
                    .addValue("detail", "批准届期巡察规划，共 " + t.entries().size() + " 个巡察对象")
                    .addValue("reason", t.approvalReason()).addValue("actor", t.approvedBy())
                    .addValue("actorId", accounts.get(t.approvedBy()), Types.BIGINT)
                    .addValue("at", at(t.approvedOn())));
        }
        send("""
                INSERT INTO term_plan_entry (term_id, organization_id, planned_year, planned_round)
                VALUES (:term, :org, :year, :round)
                """, entries);
        send("""
                INSERT INTO term_plan_change (term_id, change_kind, detail, reason, actor, actor_id, occurred_at)
                VALUES (:term, 'APPROVED', :detail, :reason, :actor, :actorId, :at)
                """, approvals);

        write("""
                INSERT INTO inspection_round (body_id, term_id, ordinal, name, planned_station_on, planned_withdraw_on,
                                              planned_feedback_on, actual_station_on, actual_withdraw_on,
                                              actual_feedback_on, created_at)
                VALUES (:body, :term, :ordinal, :name, :ps, :pw, :pf, :as, :aw, :af, :created)
                """, planning.rounds(), r -> new MapSqlParameterSource().addValue("body", bodies.get(r.bodyRegionCode()))
                .addValue("term", termIds.get(r.termKey())).addValue("ordinal", r.ordinal()).addValue("name", r.name())
                .addValue("ps", r.plannedStationOn()).addValue("pw", r.plannedWithdrawOn())
                .addValue("pf", r.plannedFeedbackOn(), Types.DATE).addValue("as", r.actualStationOn(), Types.DATE)
                .addValue("aw", r.actualWithdrawOn(), Types.DATE).addValue("af", r.actualFeedbackOn(), Types.DATE)
                .addValue("created", at(r.createdOn())));
        Map<Long, String> termKeys = new HashMap<>();
        termIds.forEach((key, id) -> termKeys.put(id, key));
        Map<String, Long> roundIds = new HashMap<>();
        jdbc.sql("SELECT id, term_id, ordinal FROM inspection_round").query(rs -> {
            roundIds.put(termKeys.get(rs.getLong(2)) + "#" + rs.getInt(3), rs.getLong(1));
        });

        long before = jdbc.sql("SELECT coalesce(max(id), 0) FROM inspection").query(Long.class).single();
        write("""
                INSERT INTO inspection (body_id, round_id, team_name, mode, special_topic, form_elevated, form_cross,
                                        form_extended, form_system, form_linked, form_audit_linked, linked_with,
                                        team_county_code, stage, stationed_on, withdrawn_on, feedback_on, closed_on,
                                        created_at)
                VALUES (:body, :round, :team, :mode, :topic, :elevated, :cross, :extended, :system, :linked, :audit,
                        :linkedWith, :teamCounty, :stage, :stationed, :withdrawn, :feedback, :closed, :created)
                """, planning.inspections(), i -> new MapSqlParameterSource()
                .addValue("body", bodies.get(i.bodyRegionCode()))
                .addValue("round", roundIds.get(i.termKey() + "#" + i.roundOrdinal())).addValue("team", i.teamName())
                .addValue("mode", i.mode().name()).addValue("topic", i.specialTopic(), Types.VARCHAR)
                .addValue("elevated", i.has(InspectionForm.ELEVATED)).addValue("cross", i.has(InspectionForm.CROSS))
                .addValue("extended", i.has(InspectionForm.EXTENDED)).addValue("system", i.has(InspectionForm.SYSTEM))
                .addValue("linked", i.has(InspectionForm.LINKED))
                .addValue("audit", i.has(InspectionForm.AUDIT_LINKED))
                .addValue("linkedWith", i.linkedWith(), Types.VARCHAR)
                .addValue("teamCounty", i.teamCountyCode(), Types.VARCHAR).addValue("stage", i.stage().name())
                .addValue("stationed", i.stationedOn(), Types.DATE).addValue("withdrawn", i.withdrawnOn(), Types.DATE)
                .addValue("feedback", i.feedbackOn(), Types.DATE).addValue("closed", i.closedOn(), Types.DATE)
                .addValue("created", at(i.createdOn())));
        // Identity values are handed out in insertion order within this transaction, on H2 and PostgreSQL alike.
        List<Long> ids = jdbc.sql("SELECT id FROM inspection WHERE id > :before ORDER BY id").param("before", before)
                .query(Long.class).list();
        if (ids.size() != planning.inspections().size()) {
            throw new IllegalStateException("inspection ids: expected " + planning.inspections().size() + ", got "
                    + ids.size());
        }
        Map<String, Long> inspectionIds = new HashMap<>();
        for (int n = 0; n < ids.size(); n++) {
            inspectionIds.put(planning.inspections().get(n).key(), ids.get(n));
        }

        List<SqlParameterSource> lookBacks = new ArrayList<>();
        List<SqlParameterSource> targets = new ArrayList<>();
        List<SqlParameterSource> members = new ArrayList<>();
        List<SqlParameterSource> changes = new ArrayList<>();
        List<SqlParameterSource> announcements = new ArrayList<>();
        for (InspectionRow i : planning.inspections()) {
            long id = inspectionIds.get(i.key());
            if (i.lookBackOf() != null) {
                lookBacks.add(new MapSqlParameterSource().addValue("id", id)
                        .addValue("of", inspectionIds.get(i.lookBackOf())));
            }
            for (TargetRow t : i.targets()) {
                targets.add(new MapSqlParameterSource().addValue("id", id)
                        .addValue("org", organizations.get(t.organizationCode()))
                        .addValue("from", t.extendedFrom() == null ? null : organizations.get(t.extendedFrom()),
                                Types.BIGINT));
            }
            for (MemberRow m : i.members()) {
                members.add(new MapSqlParameterSource().addValue("id", id)
                        .addValue("inspector", inspectors.get(m.inspectorCode())).addValue("role", m.role().name())
                        .addValue("user", m.username() == null ? null : accounts.get(m.username()), Types.BIGINT)
                        .addValue("joined", at(m.joinedOn())));
            }
            for (StageChangeRow c : i.changes()) {
                changes.add(new MapSqlParameterSource().addValue("id", id).addValue("from", c.from().name())
                        .addValue("to", c.to().name()).addValue("on", c.effectiveOn()).addValue("actor", i.actor())
                        .addValue("actorId", accounts.get(i.actor()), Types.BIGINT).addValue("at", at(c.effectiveOn())));
            }
            AnnouncementRow a = i.announcement();
            if (a != null) {
                announcements.add(new MapSqlParameterSource().addValue("id", id).addValue("phone", a.phone())
                        .addValue("mailbox", a.mailbox()).addValue("accepts", a.accepts())
                        .addValue("from", a.periodFrom()).addValue("to", a.periodTo()).addValue("cut", a.cutOffOn())
                        .addValue("code", a.channelCode()).addValue("open", a.channelOpen()));
            }
        }
        send("UPDATE inspection SET look_back_of = :of WHERE id = :id", lookBacks);
        send("""
                INSERT INTO inspection_target (inspection_id, organization_id, extended_from) VALUES (:id, :org, :from)
                """, targets);
        send("""
                INSERT INTO team_member (inspection_id, inspector_id, team_role, user_id, joined_at)
                VALUES (:id, :inspector, :role, :user, :joined)
                """, members);
        send("""
                INSERT INTO inspection_stage_change (inspection_id, from_stage, to_stage, effective_on, actor, actor_id,
                                                     occurred_at)
                VALUES (:id, :from, :to, :on, :actor, :actorId, :at)
                """, changes);
        send("""
                INSERT INTO entry_announcement (inspection_id, phone, mailbox, accepts, period_from, period_to,
                                                cut_off_on, channel_code, channel_open)
                VALUES (:id, :phone, :mailbox, :accepts, :from, :to, :cut, :code, :open)
                """, announcements);
        write("""
                INSERT INTO info_request (inspection_id, organization_id, department, question, due_on, status, sent_at,
                                          sent_by, answer, answered_at, answered_by)
                VALUES (:id, :org, :department, :question, :due, :status, :sent, :sentBy, :answer, :answeredAt,
                        :answeredBy)
                """, planning.requests(), r -> new MapSqlParameterSource()
                .addValue("id", inspectionIds.get(r.inspectionKey()))
                .addValue("org", organizations.get(r.organizationCode())).addValue("department", r.department())
                .addValue("question", r.question()).addValue("due", r.dueOn()).addValue("status", r.status().name())
                .addValue("sent", at(r.sentOn())).addValue("sentBy", r.sentBy())
                .addValue("answer", r.answer(), Types.VARCHAR)
                .addValue("answeredAt", r.answeredOn() == null ? null : at(r.answeredOn()),
                        Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("answeredBy", r.answeredBy(), Types.VARCHAR));
        fileForListeners(before);
    }

    /**
     * The records intake and staffing keep of inspections (V8_10, V8_11), as their listeners would have filed them
     * from inspection's events had the inspections been made one by one: intake's stationed inspections, staffing's
     * inspections and team seats. The same statements as the migrations' backfill, for the inspections just written.
     */
    private void fileForListeners(long before) {
        jdbc.sql("""
                INSERT INTO intake_inspection (inspection_id, body_id, round_id, team_name, form_cross, stage,
                                               stationed_on, withdrawn_on)
                SELECT i.id, i.body_id, i.round_id, i.team_name, i.form_cross, i.stage, i.stationed_on, i.withdrawn_on
                FROM inspection i WHERE i.id > :before AND i.stage <> 'PREPARING'
                """).param("before", before).update();
        jdbc.sql("""
                INSERT INTO staffing_inspection (inspection_id, body_id, round_id, stage)
                SELECT i.id, i.body_id, i.round_id, i.stage FROM inspection i WHERE i.id > :before
                """).param("before", before).update();
        jdbc.sql("""
                INSERT INTO staffing_team_seat (member_id, inspection_id, team_role, left_team)
                SELECT m.id, m.inspection_id, m.team_role, CASE WHEN m.left_at IS NULL THEN FALSE ELSE TRUE END
                FROM team_member m WHERE m.inspection_id > :before
                """).param("before", before).update();
    }

    /** A planning date as an instant: 09:30 in the business zone, stored in UTC. */
    private OffsetDateTime at(LocalDate date) {
        return date.atTime(9, 30).atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private Map<String, Long> idsByCode(String sql) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql(sql).query(rs -> {
            ids.put(rs.getString(1), rs.getLong(2));
        });
        return ids;
    }

    private <T> void write(String sql, List<T> rows, Function<T, SqlParameterSource> params) {
        send(sql, rows.stream().map(params).toList());
    }

    private void send(String sql, List<SqlParameterSource> params) {
        for (int from = 0; from < params.size(); from += BATCH) {
            List<SqlParameterSource> chunk = params.subList(from, Math.min(params.size(), from + BATCH));
            batch.batchUpdate(sql, chunk.toArray(SqlParameterSource[]::new));
        }
    }
}
