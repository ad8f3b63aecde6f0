package org.xuncha.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.common.BodyId;
import org.xuncha.common.OrganizationId;
import org.xuncha.people.InspectorDraft.Absence;

/**
 * Inspectors in plain, portable SQL. Every read takes the body ids the caller may see and filters in the
 * query; writes take the writable body ids and touch nothing outside them.
 */
@Repository
class InspectorRepository {

    private static final String COLUMNS = """
            i.id, i.code, i.name, i.gender, i.id_number_sealed, i.id_number_index, i.body_id, i.employer, i.post,
            i.rank, i.residence_code, i.workplace_code, i.hometown_code, i.can_lead, i.active, i.inactive_reason,
            i.version, i.employer_organization_id""";

    private final JdbcClient jdbc;
    private final Clock clock;

    InspectorRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Inspector> find(long id, Set<Long> bodies) {
        Optional<Inspector> found = jdbc.sql("SELECT " + COLUMNS + " FROM inspector i WHERE i.id = :id AND i.body_id IN (:bodies)")
                .param("id", id).param("bodies", bodies).query(InspectorRepository::row).optional();
        found.ifPresent(i -> loadChildren(List.of(i)));
        return found;
    }

    Optional<Inspector> findByIndex(String index, Set<Long> bodies) {
        Optional<Inspector> found = jdbc.sql("SELECT " + COLUMNS
                        + " FROM inspector i WHERE i.id_number_index = :idx AND i.body_id IN (:bodies)")
                .param("idx", index).param("bodies", bodies).query(InspectorRepository::row).optional();
        found.ifPresent(i -> loadChildren(List.of(i)));
        return found;
    }

    /** Whether any inspector, in any scope, holds this blind index: identity numbers are unique pool-wide. */
    boolean indexTaken(String index, Long exceptId) {
        return jdbc.sql("SELECT count(*) FROM inspector WHERE id_number_index = :idx AND id <> :except")
                .param("idx", index).param("except", exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    boolean codeTaken(String code, Long exceptId) {
        return jdbc.sql("SELECT count(*) FROM inspector WHERE code = :code AND id <> :except")
                .param("code", code).param("except", exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    String nextFreeCode() {
        while (true) {
            long n = jdbc.sql("SELECT nextval('inspector_code_seq')").query(Long.class).single();
            String code = String.format("P%04d", n);
            if (!codeTaken(code, null)) {
                return code;
            }
        }
    }

    /** Codes and names of inspectors by id, whatever body they belong to (see {@link TalentPool#labels}). */
    Map<Long, String[]> labels(Collection<Long> ids) {
        Map<Long, String[]> labels = new HashMap<>();
        List<Long> all = ids.stream().distinct().toList();
        for (int i = 0; i < all.size(); i += 1_000) {
            jdbc.sql("SELECT id, code, name FROM inspector WHERE id IN (:ids)")
                    .param("ids", all.subList(i, Math.min(all.size(), i + 1_000)))
                    .query(rs -> {
                        labels.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                    });
        }
        return labels;
    }

    /** Why a sealed field of an inspector was opened, by whom (account id and name) and when (V8_15). */
    record Unsealing(long id, String field, String reason, String actor, OffsetDateTime at) {
        public String fieldLabel() {
            return "identity_number".equals(field) ? "身份证号码" : field;
        }
    }

    /** Keeps the written reason of an unsealing and returns the row's id, which the audit record names instead. */
    long insertUnsealing(long inspectorId, String field, String reason, Long actorId, String actor, OffsetDateTime at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO inspector_unsealing (inspector_id, field, reason, actor_id, actor, occurred_at)
                VALUES (:i, :field, :reason, :actorId, :actor, :at)
                """).param("i", inspectorId).param("field", field).param("reason", reason).param("actorId", actorId)
                .param("actor", actor).param("at", at).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The unsealings of an inspector of one of the given bodies, oldest first; empty for any other inspector. */
    List<Unsealing> unsealings(long inspectorId, Set<Long> bodies) {
        return jdbc.sql("""
                SELECT u.id, u.field, u.reason, u.actor, u.occurred_at FROM inspector_unsealing u
                JOIN inspector i ON i.id = u.inspector_id
                WHERE u.inspector_id = :i AND i.body_id IN (:bodies) ORDER BY u.occurred_at, u.id
                """).param("i", inspectorId).param("bodies", bodies)
                .query((rs, n) -> new Unsealing(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class))).list();
    }

    long insert(Inspector i) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO inspector (code, name, gender, id_number_sealed, id_number_index, body_id, employer, post,
                                       rank, residence_code, workplace_code, hometown_code, can_lead, active,
                                       created_at, updated_at, version, employer_organization_id)
                VALUES (:code, :name, :gender, :sealed, :idx, :body, :employer, :post, :rank, :residence, :workplace,
                        :hometown, :canLead, TRUE, :now, :now, 0, :employerOrg)
                """)
                .param("employerOrg", i.employerOrganization == null ? null : i.employerOrganization.value())
                .param("code", i.code).param("name", i.name).param("gender", i.gender == null ? null : i.gender.name())
                .param("sealed", i.sealedIdNumber).param("idx", i.idNumberIndex).param("body", i.body.value())
                .param("employer", i.employer).param("post", i.post).param("rank", i.rank.name())
                .param("residence", i.residenceCode).param("workplace", i.workplaceCode)
                .param("hometown", i.hometownCode).param("canLead", i.canLead).param("now", now)
                .update(keys, "id");
        i.id = keys.getKey().longValue();
        writeChildren(i);
        return i.id;
    }

    /** Writes the aggregate back if nobody changed it since it was read; false when the version moved on. */
    boolean update(Inspector i, Set<Long> writableBodies) {
        int rows = jdbc.sql("""
                UPDATE inspector SET code = :code, name = :name, gender = :gender, id_number_sealed = :sealed,
                       id_number_index = :idx, employer = :employer, post = :post, rank = :rank,
                       residence_code = :residence, workplace_code = :workplace, hometown_code = :hometown,
                       can_lead = :canLead, active = :active, inactive_reason = :reason, updated_at = :now,
                       employer_organization_id = :employerOrg, version = version + 1
                 WHERE id = :id AND version = :version AND body_id IN (:bodies)
                """)
                .param("code", i.code).param("name", i.name).param("gender", i.gender == null ? null : i.gender.name())
                .param("sealed", i.sealedIdNumber).param("idx", i.idNumberIndex)
                .param("employer", i.employer).param("post", i.post).param("rank", i.rank.name())
                .param("residence", i.residenceCode).param("workplace", i.workplaceCode)
                .param("hometown", i.hometownCode).param("canLead", i.canLead).param("active", i.active)
                .param("reason", i.inactiveReason).param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("employerOrg", i.employerOrganization == null ? null : i.employerOrganization.value())
                .param("id", i.id).param("version", i.version).param("bodies", writableBodies)
                .update();
        if (rows == 0) {
            return false;
        }
        i.version++;
        for (String table : List.of("inspector_posting", "inspector_skill", "inspector_absence",
                "inspector_relative", "inspector_assignment")) {
            jdbc.sql("DELETE FROM " + table + " WHERE inspector_id = :id").param("id", i.id).update();
        }
        writeChildren(i);
        return true;
    }

    private void writeChildren(Inspector i) {
        for (Inspector.Held p : i.postings) {
            jdbc.sql("INSERT INTO inspector_posting (inspector_id, region_code, post, from_year, to_year, organization_id)"
                            + " VALUES (:id, :r, :p, :f, :t, :o)")
                    .param("id", i.id).param("r", p.regionCode()).param("p", p.post()).param("f", p.fromYear())
                    .param("t", p.toYear()).param("o", p.organization() == null ? null : p.organization().value())
                    .update();
        }
        for (Skill s : i.skills) {
            jdbc.sql("INSERT INTO inspector_skill (inspector_id, skill) VALUES (:id, :s)")
                    .param("id", i.id).param("s", s.name()).update();
        }
        for (Absence a : i.absences) {
            jdbc.sql("INSERT INTO inspector_absence (inspector_id, starts_on, ends_on, reason) VALUES (:id, :s, :e, :r)")
                    .param("id", i.id).param("s", a.startsOn()).param("e", a.endsOn()).param("r", a.reason()).update();
        }
        for (Inspector.Relative r : i.relatives) {
            jdbc.sql("INSERT INTO inspector_relative (inspector_id, organization_id, relation) VALUES (:id, :o, :r)")
                    .param("id", i.id).param("o", r.organization().value()).param("r", r.relation().name()).update();
        }
        for (Inspector.Assignment a : i.assignments) {
            jdbc.sql("INSERT INTO inspector_assignment (inspector_id, organization_id, assigned_year, team_role) VALUES (:id, :o, :y, :r)")
                    .param("id", i.id).param("o", a.organization().value()).param("y", a.assignedYear())
                    .param("r", a.teamRole().name()).update();
        }
    }

    /** One page of inspectors matching the filters, within the readable bodies. */
    ResultPage<InspectorSummary> search(InspectorSearch q, Set<Long> bodies) {
        StringBuilder where = new StringBuilder(" FROM inspector i WHERE i.body_id IN (:bodies)");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("bodies", bodies);
        if (q.text() != null) {
            where.append(" AND (LOWER(i.name) LIKE :text ESCAPE '\\' OR LOWER(i.code) LIKE :text ESCAPE '\\')");
            params.put("text", org.xuncha.platform.sql.LikePattern.contains(q.text().toLowerCase(java.util.Locale.ROOT)));
        }
        if (q.skill() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM inspector_skill s WHERE s.inspector_id = i.id AND s.skill = :skill)");
            params.put("skill", q.skill().name());
        }
        if (q.rank() != null) {
            where.append(" AND i.rank = :rank");
            params.put("rank", q.rank().name());
        }
        if (q.canLead() != null) {
            where.append(" AND i.can_lead = :canLead");
            params.put("canLead", q.canLead());
        }
        if (q.active() != null) {
            where.append(" AND i.active = :active");
            params.put("active", q.active());
        }
        if (q.workplaceCounty() != null) {
            where.append(" AND LEFT(i.workplace_code, 6) = :county");
            params.put("county", q.workplaceCounty());
        }
        if (q.availableFrom() != null) {
            where.append(" AND NOT EXISTS (SELECT 1 FROM inspector_absence a WHERE a.inspector_id = i.id"
                    + " AND a.starts_on <= :availTo AND a.ends_on >= :availFrom)");
            params.put("availFrom", q.availableFrom());
            params.put("availTo", q.availableTo());
        }
        long total = jdbc.sql("SELECT count(*)" + where).params(params).query(Long.class).single();
        List<Inspector> rows = jdbc.sql("SELECT " + COLUMNS + where + " ORDER BY i.code LIMIT :limit OFFSET :offset")
                .params(params).param("limit", q.size()).param("offset", (long) q.page() * q.size())
                .query(InspectorRepository::row).list();
        loadSkills(rows);
        List<InspectorSummary> items = rows.stream().map(i -> new InspectorSummary(org.xuncha.common.InspectorId.of(i.id),
                i.code, i.name, i.gender, i.body, i.employer, i.post, i.rank, i.workplaceCode, i.canLead, i.active,
                Set.copyOf(i.skills))).toList();
        return new ResultPage<>(items, q.page(), q.size(), total);
    }

    /** Active inspectors of the readable bodies, fully loaded, for team formation. */
    List<Inspector> activeIn(Set<Long> bodies) {
        List<Inspector> rows = jdbc.sql("SELECT " + COLUMNS + " FROM inspector i WHERE i.active = TRUE AND i.body_id IN (:bodies) ORDER BY i.code")
                .param("bodies", bodies).query(InspectorRepository::row).list();
        loadChildren(rows);
        return rows;
    }

    private void loadSkills(List<Inspector> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Map<Long, Inspector> byId = byId(rows);
        jdbc.sql("SELECT inspector_id, skill FROM inspector_skill WHERE inspector_id IN (:ids)")
                .param("ids", byId.keySet())
                .query(rs -> {
                    byId.get(rs.getLong(1)).skills.add(Skill.valueOf(rs.getString(2)));
                });
    }

    private void loadChildren(List<Inspector> rows) {
        if (rows.isEmpty()) {
            return;
        }
        loadSkills(rows);
        Map<Long, Inspector> byId = byId(rows);
        jdbc.sql("SELECT inspector_id, region_code, post, from_year, to_year, organization_id FROM inspector_posting"
                        + " WHERE inspector_id IN (:ids) ORDER BY inspector_id, from_year")
                .param("ids", byId.keySet())
                .query(rs -> {
                    long org = rs.getLong(6);
                    OrganizationId organization = rs.wasNull() ? null : OrganizationId.of(org);
                    byId.get(rs.getLong(1)).postings.add(new Inspector.Held(rs.getString(2), organization,
                            rs.getString(3), (Integer) rs.getObject(4, Integer.class),
                            (Integer) rs.getObject(5, Integer.class)));
                });
        jdbc.sql("SELECT inspector_id, starts_on, ends_on, reason FROM inspector_absence WHERE inspector_id IN (:ids) ORDER BY inspector_id, starts_on")
                .param("ids", byId.keySet())
                .query(rs -> {
                    byId.get(rs.getLong(1)).absences.add(new Absence(rs.getObject(2, java.time.LocalDate.class),
                            rs.getObject(3, java.time.LocalDate.class), rs.getString(4)));
                });
        jdbc.sql("SELECT inspector_id, organization_id, relation FROM inspector_relative WHERE inspector_id IN (:ids) ORDER BY inspector_id, organization_id")
                .param("ids", byId.keySet())
                .query(rs -> {
                    byId.get(rs.getLong(1)).relatives.add(new Inspector.Relative(OrganizationId.of(rs.getLong(2)),
                            Relation.valueOf(rs.getString(3))));
                });
        jdbc.sql("SELECT inspector_id, organization_id, assigned_year, team_role FROM inspector_assignment WHERE inspector_id IN (:ids) ORDER BY inspector_id, assigned_year")
                .param("ids", byId.keySet())
                .query(rs -> {
                    byId.get(rs.getLong(1)).assignments.add(new Inspector.Assignment(OrganizationId.of(rs.getLong(2)),
                            rs.getInt(3), TeamRole.valueOf(rs.getString(4))));
                });
    }

    private static Map<Long, Inspector> byId(List<Inspector> rows) {
        return rows.stream().collect(Collectors.toMap(i -> i.id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private static Inspector row(ResultSet rs, int n) throws SQLException {
        Inspector i = new Inspector();
        i.id = rs.getLong("id");
        i.code = rs.getString("code");
        i.name = rs.getString("name");
        String gender = rs.getString("gender");
        i.gender = gender == null ? null : Gender.valueOf(gender);
        i.sealedIdNumber = rs.getString("id_number_sealed");
        i.idNumberIndex = rs.getString("id_number_index");
        i.body = BodyId.of(rs.getLong("body_id"));
        i.employer = rs.getString("employer");
        i.post = rs.getString("post");
        i.rank = Rank.valueOf(rs.getString("rank"));
        i.residenceCode = rs.getString("residence_code");
        i.workplaceCode = rs.getString("workplace_code");
        i.hometownCode = rs.getString("hometown_code");
        i.canLead = rs.getBoolean("can_lead");
        i.active = rs.getBoolean("active");
        i.inactiveReason = rs.getString("inactive_reason");
        i.version = rs.getInt("version");
        long employerOrganization = rs.getLong("employer_organization_id");
        i.employerOrganization = rs.wasNull() ? null : OrganizationId.of(employerOrganization);
        i.skills = EnumSet.noneOf(Skill.class);
        i.postings = new ArrayList<>();
        i.absences = new ArrayList<>();
        i.relatives = new ArrayList<>();
        i.assignments = new ArrayList<>();
        return i;
    }
}
