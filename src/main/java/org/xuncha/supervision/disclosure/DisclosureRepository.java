package org.xuncha.supervision.disclosure;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;

/**
 * supervision_disclosure and its items. Every office read is filtered here by the caller's scope: the OFFICE and
 * the LEADER read their readable bodies' disclosures, only the OFFICE of the body writes; every other role reads
 * none (a forged id is not found). The public page reads only a published disclosure by its code, and only what
 * it shows.
 */
@Repository
class DisclosureRepository {

    static final String NOTHING = " (1 = 0)";

    private final JdbcClient jdbc;

    DisclosureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Disclosure(long id, long inspectionId, long organizationId, long bodyId, DisclosureStatus status,
                      String title, String summary, String publicCode, String approvedByName, LocalDate approvedOn,
                      LocalDate publishedOn, int version, boolean writable) {
    }

    record Item(long id, long itemId, int position, String publicText, String outcome, Exemption exemption,
                String exemptionReason) {
    }

    static String readable(DataScope scope) {
        if (scope.has(Role.TARGET)) {
            return NOTHING;
        }
        return scope.hasAny(Role.OFFICE, Role.LEADER) ? " (d.body_id IN (:readable))" : NOTHING;
    }

    static String writable(DataScope scope) {
        return scope.has(Role.OFFICE) && !scope.has(Role.TARGET) ? "d.body_id IN (:writable)" : "1 = 0";
    }

    private static final String COLUMNS = "d.id, d.inspection_id, d.organization_id, d.body_id, d.status, d.title,"
            + " d.summary, d.public_code, d.approved_by_name, d.approved_on, d.published_on, d.row_version";

    List<Disclosure> list(DataScope scope) {
        return bind(jdbc.sql("SELECT " + COLUMNS + ", CASE WHEN " + writable(scope) + " THEN 1 ELSE 0 END"
                + " FROM supervision_disclosure d WHERE" + readable(scope) + " ORDER BY d.id DESC"), scope)
                .query((rs, n) -> row(rs)).list();
    }

    Optional<Disclosure> find(DataScope scope, long id) {
        return bind(jdbc.sql("SELECT " + COLUMNS + ", CASE WHEN " + writable(scope) + " THEN 1 ELSE 0 END"
                + " FROM supervision_disclosure d WHERE d.id = :id AND" + readable(scope)), scope).param("id", id)
                .query((rs, n) -> row(rs)).optional();
    }

    Optional<Disclosure> published(String code) {
        return jdbc.sql("SELECT " + COLUMNS + ", 0 FROM supervision_disclosure d"
                        + " WHERE d.public_code = :code AND d.status = 'PUBLISHED'").param("code", code)
                .query((rs, n) -> row(rs)).optional();
    }

    Optional<Long> existing(long inspection, long organization) {
        return jdbc.sql("SELECT id FROM supervision_disclosure WHERE inspection_id = :i AND organization_id = :o")
                .param("i", inspection).param("o", organization).query(Long.class).optional();
    }

    private static Disclosure row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Disclosure(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                DisclosureStatus.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class), rs.getInt(12),
                rs.getInt(13) == 1);
    }

    List<Item> items(long disclosure) {
        return jdbc.sql("""
                SELECT id, item_id, position, public_text, outcome, exemption, exemption_reason
                FROM supervision_disclosure_item WHERE disclosure_id = :d ORDER BY position, id
                """).param("d", disclosure).query((rs, n) -> new Item(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                        rs.getString(4), rs.getString(5),
                        rs.getString(6) == null ? null : Exemption.valueOf(rs.getString(6)), rs.getString(7))).list();
    }

    long insert(long inspection, long organization, long body, String title, String summary, long by,
                OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO supervision_disclosure (inspection_id, organization_id, body_id, status, title, summary,
                                                    row_version, created_by, created_at, updated_at)
                VALUES (:i, :o, :b, 'DRAFT', :t, :s, 1, :by, :now, :now)
                """).param("i", inspection).param("o", organization).param("b", body).param("t", title)
                .param("s", summary).param("by", by).param("now", now).update();
        return existing(inspection, organization).orElseThrow();
    }

    void insertItem(long disclosure, long item, int position, String text, String outcome) {
        jdbc.sql("""
                INSERT INTO supervision_disclosure_item (disclosure_id, item_id, position, public_text, outcome)
                VALUES (:d, :i, :p, :t, :o)
                """).param("d", disclosure).param("i", item).param("p", position).param("t", text)
                .param("o", outcome).update();
    }

    /** Moves the row version on (every change of the disclosure or its items does); false when stale. */
    boolean touch(long id, int version, OffsetDateTime now) {
        return jdbc.sql("UPDATE supervision_disclosure SET row_version = row_version + 1, updated_at = :now"
                        + " WHERE id = :id AND row_version = :v").param("id", id).param("v", version)
                .param("now", now).update() == 1;
    }

    void text(long id, String title, String summary) {
        jdbc.sql("UPDATE supervision_disclosure SET title = :t, summary = :s WHERE id = :id").param("id", id)
                .param("t", title).param("s", summary).update();
    }

    boolean item(long disclosure, long rowId, String text, String outcome, Exemption exemption, String reason) {
        return jdbc.sql("""
                UPDATE supervision_disclosure_item SET public_text = :t, outcome = :o, exemption = :e,
                       exemption_reason = :r
                WHERE id = :id AND disclosure_id = :d
                """).param("id", rowId).param("d", disclosure).param("t", text).param("o", outcome)
                .param("e", exemption == null ? null : exemption.name()).param("r", reason).update() == 1;
    }

    void status(long id, DisclosureStatus status, String approvedBy, LocalDate approvedOn, String code,
                LocalDate publishedOn) {
        jdbc.sql("""
                UPDATE supervision_disclosure SET status = :s, approved_by_name = :a, approved_on = :ao,
                       public_code = :c, published_on = :po
                WHERE id = :id
                """).param("id", id).param("s", status.name()).param("a", approvedBy).param("ao", approvedOn)
                .param("c", code).param("po", publishedOn).update();
    }

    String organizationName(long organization) {
        return jdbc.sql("SELECT name FROM party_organization_view WHERE id = :o").param("o", organization)
                .query(String.class).optional().orElse("");
    }

    Optional<long[]> inspectionBody(long inspection) {
        return jdbc.sql("SELECT id, body_id FROM inspection_scope_view WHERE id = :i").param("i", inspection)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional();
    }

    String teamName(long inspection) {
        return jdbc.sql("SELECT team_name FROM inspection_scope_view WHERE id = :i").param("i", inspection)
                .query(String.class).optional().orElse("");
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DataScope scope) {
        return spec.param("readable", scope.readableBodyIds().isEmpty() ? List.of(-1L) : scope.readableBodyIds())
                .param("writable", scope.writableBodyIds().isEmpty() ? List.of(-1L) : scope.writableBodyIds());
    }
}
