package org.xuncha.referral.outcome;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.referral.OutcomeKind;
import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.SubjectKind;
import org.xuncha.referral.TransferStatus;
import org.xuncha.referral.internal.ReferralScope;

/**
 * SQL of outcome events and 投案自首. Every read of an item goes through {@link ReferralScope} in the query; the
 * events of an item are read only after the item was (same transaction). {@code referral_outcome} and
 * {@code referral_surrender} are only ever inserted into: no UPDATE or DELETE of them exists here.
 */
@Repository
class OutcomeRepository {

    private final JdbcClient jdbc;

    OutcomeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A transferred item as its outcome page needs it; {@code writable}: the caller is its current receiver or the
     * office of the transferring body (ReferralScope.received / officeWritable).
     */
    record Item(long id, SubjectKind subjectKind, long subjectId, long bodyId, Long inspectionId,
                ReceiverKind receiverKind, long receiverBodyId, String receiverDepartment, String title,
                int personCount, TransferStatus status, OffsetDateTime transferredAt, OffsetDateTime signedAt,
                LocalDate closedOn, int rowVersion, boolean writable) {
    }

    Optional<Item> item(long id, DataScope scope) {
        return ReferralScope.bind(jdbc.sql("SELECT t.id, t.subject_kind, t.subject_id, t.body_id, t.inspection_id,"
                + " t.receiver_kind, t.receiver_body_id, t.receiver_department, t.title, t.person_count, t.status,"
                + " t.transferred_at, t.signed_at, t.closed_on, t.row_version,"
                + " CASE WHEN" + ReferralScope.received(scope, "t") + " OR" + ReferralScope.officeWritable(scope, "t")
                + " THEN 1 ELSE 0 END FROM transfer_item t WHERE t.id = :id AND" + ReferralScope.readable(scope, "t")),
                scope).param("id", id)
                .query((rs, n) -> new Item(rs.getLong(1), SubjectKind.valueOf(rs.getString(2)), rs.getLong(3),
                        rs.getLong(4), rs.getObject(5) == null ? null : rs.getLong(5),
                        ReceiverKind.valueOf(rs.getString(6)), rs.getLong(7), rs.getString(8), rs.getString(9),
                        rs.getInt(10), TransferStatus.valueOf(rs.getString(11)),
                        rs.getObject(12, OffsetDateTime.class), rs.getObject(13, OffsetDateTime.class),
                        rs.getObject(14, LocalDate.class), rs.getInt(15), rs.getInt(16) == 1))
                .optional();
    }

    Optional<Integer> rowVersion(long itemId) {
        return jdbc.sql("SELECT row_version FROM transfer_item WHERE id = :id").param("id", itemId)
                .query(Integer.class).optional();
    }

    /** All events of an item the caller has already read, in the order recorded. */
    List<OutcomeEvent> events(long itemId) {
        return jdbc.sql("""
                SELECT id, person_id, kind, code, occurred_on, recovered_fen, loss_retrieved_fen, note, corrects_id,
                       recorded_by_name, recorded_at
                FROM referral_outcome WHERE item_id = :item ORDER BY id
                """).param("item", itemId)
                .query((rs, n) -> new OutcomeEvent(rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2),
                        OutcomeKind.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, LocalDate.class),
                        rs.getLong(6), rs.getLong(7), rs.getString(8),
                        rs.getObject(9) == null ? null : rs.getLong(9), rs.getString(10),
                        rs.getObject(11, OffsetDateTime.class)))
                .list();
    }

    long insert(long itemId, OutcomeEvent e, long userId, OffsetDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO referral_outcome (item_id, person_id, kind, code, occurred_on, recovered_fen,
                                              loss_retrieved_fen, note, corrects_id, recorded_by, recorded_by_name,
                                              recorded_at)
                VALUES (:item, :person, :kind, :code, :on, :recovered, :loss, :note, :corrects, :u, :name, :now)
                """).param("item", itemId).param("person", e.personId()).param("kind", e.kind().name())
                .param("code", e.code()).param("on", e.occurredOn()).param("recovered", e.recoveredFen())
                .param("loss", e.lossRetrievedFen()).param("note", e.note()).param("corrects", e.correctsId())
                .param("u", userId).param("name", e.recordedByName()).param("now", now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Moves the item (or only bumps its version, same status) if nobody changed it since {@code rowVersion}: every
     * outcome entry takes the item's version, so two entries made on the same reading cannot both land.
     */
    boolean move(long itemId, int rowVersion, TransferStatus status, LocalDate closedOn, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE transfer_item SET status = :s, closed_on = :closed, row_version = row_version + 1,
                                         updated_at = :now
                WHERE id = :id AND row_version = :v
                """).param("s", status.name()).param("closed", closedOn).param("now", now).param("id", itemId)
                .param("v", rowVersion).update() == 1;
    }

    // ---- 投案自首 -----------------------------------------------------------------------------------------

    record Surrender(long id, Long inspectionId, String teamName, LocalDate surrenderedOn, String note,
                     String recordedByName, OffsetDateTime recordedAt) {
    }

    record InspectionRef(long id, String teamName) {
    }

    /** The inspections of the caller's own body (the discipline body's committee), newest first. */
    List<InspectionRef> ownInspections(DataScope scope) {
        if (scope.body() == null) {
            return List.of();
        }
        return jdbc.sql("SELECT v.id, v.team_name FROM inspection_scope_view v WHERE v.body_id = :b ORDER BY v.id DESC")
                .param("b", scope.body().value())
                .query((rs, n) -> new InspectionRef(rs.getLong(1), rs.getString(2))).list();
    }

    long insertSurrender(long bodyId, Long inspectionId, LocalDate on, String note, long userId, String name,
                         OffsetDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO referral_surrender (body_id, inspection_id, surrendered_on, note, recorded_by,
                                                recorded_by_name, recorded_at)
                VALUES (:b, :i, :on, :note, :u, :name, :now)
                """).param("b", bodyId).param("i", inspectionId).param("on", on).param("note", note)
                .param("u", userId).param("name", name).param("now", now).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The surrenders the caller's discipline body recorded (DISCIPLINE of its own body only), newest first. */
    ResultPage<Surrender> surrenders(DataScope scope, int page, int size) {
        if (scope.body() == null || !scope.has(org.xuncha.common.Role.DISCIPLINE)) {
            return new ResultPage<>(List.of(), page, size, 0);
        }
        long body = scope.body().value();
        long total = jdbc.sql("SELECT count(*) FROM referral_surrender s WHERE s.body_id = :b").param("b", body)
                .query(Long.class).single();
        List<Surrender> rows = jdbc.sql("""
                SELECT s.id, s.inspection_id, v.team_name, s.surrendered_on, s.note, s.recorded_by_name, s.recorded_at
                FROM referral_surrender s LEFT JOIN inspection_scope_view v ON v.id = s.inspection_id
                WHERE s.body_id = :b ORDER BY s.surrendered_on DESC, s.id DESC LIMIT :limit OFFSET :offset
                """).param("b", body).param("limit", size).param("offset", ResultPage.offset(page, size))
                .query((rs, n) -> new Surrender(rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2),
                        rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class)))
                .list();
        return new ResultPage<>(rows, page, size, total);
    }
}
