package org.xuncha.findings.lead;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.Role;
import org.xuncha.findings.LeadId;
import org.xuncha.findings.TransferableLeads;
import org.xuncha.platform.crypto.FieldCipher;

/**
 * The leads the referral module transfers ({@link TransferableLeads}). The office of the inspection's body reads the
 * reported, untransferred leads; once transferred, a lead answers whoever the referral module lets read it. The
 * persons' identities are opened only by {@link #openPersons}, whose caller audits the opening with its reason.
 */
@Service
class LeadTransfers implements TransferableLeads {

    private static final String COLUMNS = """
            SELECT l.id, l.inspection_id, v.body_id, v.team_name, v.form_cross, l.title, l.description,
                   l.violation, l.urgent, l.source, l.reported_at
            FROM problem_lead l JOIN inspection_scope_view v ON v.id = l.inspection_id
            """;

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    LeadTransfers(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TransferableLead> awaitingTransfer(DataScope scope) {
        if (!office(scope)) {
            return List.of();
        }
        List<Row> rows = jdbc.sql(COLUMNS + " WHERE l.status = 'REPORTED' AND l.transferred_at IS NULL"
                        + " AND v.body_id IN (:writable) ORDER BY l.reported_at, l.id")
                .param("writable", writable(scope)).query(LeadTransfers::row).list();
        return withPersons(rows);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TransferableLead> transferable(DataScope scope, LeadId id) {
        if (!office(scope)) {
            return Optional.empty();
        }
        return jdbc.sql(COLUMNS + " WHERE l.id = :id AND l.status = 'REPORTED' AND l.transferred_at IS NULL"
                        + " AND v.body_id IN (:writable)")
                .param("id", id.value()).param("writable", writable(scope)).query(LeadTransfers::row).optional()
                .map(r -> withPersons(List.of(r)).get(0));
    }

    @Override
    @Transactional
    public boolean markTransferred(LeadId id, String receiverLabel, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE problem_lead SET transferred_at = :at, transferred_to = :to, updated_at = :at,
                    row_version = row_version + 1
                WHERE id = :id AND status = 'REPORTED' AND transferred_at IS NULL
                """).param("at", at).param("to", receiverLabel).param("id", id.value()).update() == 1;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TransferableLead> transferred(LeadId id) {
        return jdbc.sql(COLUMNS + " WHERE l.id = :id AND l.transferred_at IS NOT NULL")
                .param("id", id.value()).query(LeadTransfers::row).optional()
                .map(r -> withPersons(List.of(r)).get(0));
    }

    @Override
    @Transactional(readOnly = true)
    public List<OpenedPerson> openPersons(LeadId id) {
        return jdbc.sql("""
                SELECT p.id, p.position, p.name_sealed, p.id_number_sealed, p.post_sealed, p.person_rank
                FROM problem_lead_person p JOIN problem_lead l ON l.id = p.lead_id
                WHERE l.id = :id AND l.transferred_at IS NOT NULL ORDER BY p.position
                """).param("id", id.value()).query((rs, n) -> new OpenedPerson(rs.getLong(1), rs.getInt(2),
                cipher.open(Leads.NAME, rs.getString(3)), cipher.open(Leads.ID_NUMBER, rs.getString(4)),
                cipher.open(Leads.POST, rs.getString(5)), PersonRank.valueOf(rs.getString(6)).label())).list();
    }

    private static boolean office(DataScope scope) {
        return scope.has(Role.OFFICE) && !scope.hasAny(Role.TARGET, Role.COLLABORATOR) && !scope.writableBodies()
                .isEmpty();
    }

    private static List<Long> writable(DataScope scope) {
        return scope.writableBodies().stream().map(BodyId::value).toList();
    }

    private record Row(long id, long inspection, long body, String teamName, boolean cross, String title,
                       String description, SuspectedViolation violation, boolean urgent, LeadSource source,
                       OffsetDateTime reportedAt) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getBoolean(5),
                rs.getString(6), rs.getString(7), SuspectedViolation.valueOf(rs.getString(8)), rs.getBoolean(9),
                LeadSource.valueOf(rs.getString(10)), rs.getObject(11, OffsetDateTime.class));
    }

    private List<TransferableLead> withPersons(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PersonRef>> persons = jdbc.sql("""
                        SELECT lead_id, id, position, person_rank FROM problem_lead_person
                        WHERE lead_id IN (:ids) ORDER BY lead_id, position
                        """).param("ids", rows.stream().map(Row::id).toList())
                .query((rs, n) -> Map.entry(rs.getLong(1), new PersonRef(rs.getLong(2), rs.getInt(3),
                        PersonRank.valueOf(rs.getString(4)).label()))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return rows.stream().map(r -> new TransferableLead(LeadId.of(r.id()), InspectionId.of(r.inspection()),
                BodyId.of(r.body()), r.teamName(), r.cross(), r.title(), r.description(), r.violation().tag(),
                r.violation().label(), r.urgent(), r.source().label(), r.reportedAt(),
                persons.getOrDefault(r.id(), List.of()))).toList();
    }
}
