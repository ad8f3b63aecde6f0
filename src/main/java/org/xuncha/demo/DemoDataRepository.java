package org.xuncha.demo;

import java.sql.Types;
import java.time.OffsetDateTime;
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
import org.xuncha.demo.DemoWorld.BodyRow;
import org.xuncha.demo.DemoWorld.InspectorRow;
import org.xuncha.demo.DemoWorld.OrganizationRow;
import org.xuncha.demo.DemoWorld.RegionRow;

/**
 * Bulk writes of a {@link DemoWorld} into the organization, people and identity tables (see package-info for
 * why this module may). Columns follow V1__platform.sql, V2__organization.sql and V3__people.sql. Every write
 * joins the caller's transaction; rows are sent in JDBC batches of {@link #BATCH}. Nullable batch parameters
 * carry their SQL type: without it the driver is asked for parameter metadata once per null (a round trip
 * per row on PostgreSQL).
 */
@Repository
class DemoDataRepository {

    private static final int BATCH = 2000;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    DemoDataRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    long countBodies() {
        return jdbc.sql("SELECT count(*) FROM inspection_body").query(Long.class).single();
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
        for (InspectorRow p : rows) {
            long id = inspectors.get(p.code());
            p.postings().forEach(x -> postings.add(new MapSqlParameterSource().addValue("id", id)
                    .addValue("region", x.regionCode()).addValue("post", x.post(), Types.VARCHAR)
                    .addValue("from", x.fromYear(), Types.INTEGER).addValue("to", x.toYear(), Types.INTEGER)));
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
                INSERT INTO inspector_posting (inspector_id, region_code, post, from_year, to_year)
                VALUES (:id, :region, :post, :from, :to)
                """, postings);
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
