package org.xuncha.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.Role;

/**
 * The petitions the referral module transfers ({@link TransferablePetitions}), under intake's own scope rule: the
 * inspection's body (intake's {@code intake_inspection}) must be one the caller's office writes. Reads no reporter
 * column and no content: a transfer lists the petition by category and organization.
 */
@Service
class PetitionTransfers implements TransferablePetitions {

    private static final String COLUMNS = """
            SELECT p.id, p.inspection_id, i.body_id, i.team_name, p.category, o.name AS org_name, p.disposition,
                   p.receiving_department, p.disposed_at
            FROM petition p
            JOIN intake_inspection i ON i.inspection_id = p.inspection_id
            LEFT JOIN party_organization_view o ON o.id = p.organization_id
            WHERE p.status = 'HANDLING' AND p.disposition IN ('DISCIPLINE', 'OTHER_DEPARTMENT')
              AND p.transferred_at IS NULL AND i.body_id IN (:writable)
            """;

    private final JdbcClient jdbc;

    PetitionTransfers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TransferablePetition> awaiting(DataScope scope) {
        if (!office(scope)) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " ORDER BY p.disposed_at, p.id").param("writable", scope.writableBodyIds())
                .query(PetitionTransfers::row).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TransferablePetition> transferable(DataScope scope, PetitionId id) {
        if (!office(scope)) {
            return Optional.empty();
        }
        return jdbc.sql(COLUMNS + " AND p.id = :id").param("writable", scope.writableBodyIds())
                .param("id", id.value()).query(PetitionTransfers::row).optional();
    }

    @Override
    @Transactional
    public boolean markTransferred(PetitionId id, String receiverLabel, BodyId disciplineBody, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE petition SET transferred_at = :at, transferred_to = :to, discipline_body_id = :discipline
                WHERE id = :id AND status = 'HANDLING' AND disposition IN ('DISCIPLINE', 'OTHER_DEPARTMENT')
                  AND transferred_at IS NULL
                """).param("at", at).param("to", receiverLabel).param("discipline", bodyOrNull(disciplineBody))
                .param("id", id.value()).update() == 1;
    }

    @Override
    @Transactional
    public boolean markRedirected(PetitionId id, String receiverLabel, BodyId disciplineBody) {
        // whatever intake's own status: a closed petition's reading still follows where the item went
        return jdbc.sql("""
                UPDATE petition SET transferred_to = :to, discipline_body_id = :discipline
                WHERE id = :id AND transferred_at IS NOT NULL
                """).param("to", receiverLabel).param("discipline", bodyOrNull(disciplineBody))
                .param("id", id.value()).update() == 1;
    }

    private static Long bodyOrNull(BodyId body) {
        return body == null ? null : body.value();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TransferredPetition> transferred(PetitionId id) {
        // names no reporter column: what a receiver reads is the report, not who made it
        return jdbc.sql("""
                SELECT p.id, i.team_name, p.category, o.name AS org_name, p.received_on, p.channel, p.content,
                       p.disposition
                FROM petition p
                JOIN intake_inspection i ON i.inspection_id = p.inspection_id
                LEFT JOIN party_organization_view o ON o.id = p.organization_id
                WHERE p.id = :id AND p.transferred_at IS NOT NULL
                """).param("id", id.value()).query((rs, n) -> new TransferredPetition(PetitionId.of(rs.getLong("id")),
                rs.getString("team_name"), PetitionCategory.valueOf(rs.getString("category")).label(),
                rs.getString("org_name"), rs.getObject("received_on", java.time.LocalDate.class),
                PetitionChannel.valueOf(rs.getString("channel")).label(), rs.getString("content"),
                Disposition.valueOf(rs.getString("disposition")).label())).optional();
    }

    private static boolean office(DataScope scope) {
        return scope.has(Role.OFFICE) && !scope.hasAny(Role.TARGET, Role.COLLABORATOR)
                && !scope.writableBodyIds().isEmpty();
    }

    private static TransferablePetition row(ResultSet rs, int n) throws SQLException {
        PetitionCategory category = PetitionCategory.valueOf(rs.getString("category"));
        String org = rs.getString("org_name");
        Disposition disposition = Disposition.valueOf(rs.getString("disposition"));
        String title = "信访件：" + category.label() + (org == null ? "" : "（" + org + "）");
        return new TransferablePetition(PetitionId.of(rs.getLong("id")), InspectionId.of(rs.getLong("inspection_id")),
                BodyId.of(rs.getLong("body_id")), rs.getString("team_name"),
                title.length() > 200 ? title.substring(0, 200) : title, disposition == Disposition.DISCIPLINE,
                rs.getString("receiving_department"), disposition.label(),
                rs.getObject("disposed_at", OffsetDateTime.class));
    }
}
