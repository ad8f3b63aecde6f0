package org.xuncha.referral.transfer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.SubjectKind;
import org.xuncha.referral.TransferStatus;
import org.xuncha.referral.internal.ReferralScope;

/**
 * The transfer tables (V8_25: letters, items, routes, the counter). Every read of items and letters is filtered by
 * {@link ReferralScope} in the SQL; body and team names come from organization's and inspection's read views.
 */
@Repository
class TransferRepository {

    private static final String ITEM = """
            SELECT t.id, t.subject_kind, t.subject_id, t.body_id, t.inspection_id, v.team_name, t.letter_id,
                   l.letter_no, t.receiver_kind, t.receiver_body_id, rb.name AS receiver_body_name,
                   t.receiver_department, t.title, t.person_count, t.status, t.transferred_at, t.signed_by_name,
                   t.signed_at, t.due_on, t.overdue, t.row_version
            FROM transfer_item t
            JOIN transfer_letter l ON l.id = t.letter_id
            LEFT JOIN inspection_scope_view v ON v.id = t.inspection_id
            LEFT JOIN inspection_body_view rb ON rb.id = t.receiver_body_id
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate alone;

    TransferRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.alone = new TransactionTemplate(transactions);
        this.alone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * A transferred item as lists show it; {@code dueOn} is null until 签收, {@code overdue} is the daily reply clock's
     * flag (referral.clock), so the office's list marks what the receiver's list and 待办 mark.
     */
    record ItemRow(long id, SubjectKind subjectKind, long subjectId, long bodyId, Long inspectionId, String teamName,
                   long letterId, String letterNo, ReceiverKind receiverKind, long receiverBodyId,
                   String receiverBodyName, String receiverDepartment, String title, int personCount,
                   TransferStatus status, OffsetDateTime transferredAt, String signedByName, OffsetDateTime signedAt,
                   LocalDate dueOn, boolean overdue, int version) {

        /** The receiver as pages name it: the department for a DEPARTMENT receiver, else kind and body. */
        public String receiverLabel() {
            return Receivers.label(receiverKind, receiverBodyName, receiverDepartment);
        }
    }

    /** One receiver of an item's route, in order. */
    record RouteRow(int position, long letterId, String letterNo, ReceiverKind receiverKind, String receiverBodyName,
                    String receiverDepartment, String reason, String routedByName, OffsetDateTime routedAt) {
        public String receiverLabel() {
            return Receivers.label(receiverKind, receiverBodyName, receiverDepartment);
        }
    }

    record LetterRow(long id, long bodyId, String letterNo, ReceiverKind receiverKind, long receiverBodyId,
                     String receiverBodyName, String receiverDepartment, int itemCount, String note,
                     boolean hasDocument, String digest, String signature, String createdByName,
                     OffsetDateTime createdAt) {
        public String receiverLabel() {
            return Receivers.label(receiverKind, receiverBodyName, receiverDepartment);
        }
    }

    /** A line of a letter: the item and where it stood on the item's route (it may have moved on since). */
    record LetterItemRow(int position, ItemRow item) {
    }

    record BodyRef(long id, String name, String officeName) {
    }

    record Filter(TransferStatus status, ReceiverKind receiverKind, SubjectKind subjectKind, Long inspection) {
    }

    // ---- bodies ------------------------------------------------------------------------------------------------

    Optional<BodyRef> body(long id) {
        return jdbc.sql("SELECT id, name, office_name FROM inspection_body_view WHERE id = :b").param("b", id)
                .query((rs, n) -> new BodyRef(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** The bodies the caller reads (its own first, then those below), the receiving bodies it may choose. */
    List<BodyRef> readableBodies(DataScope scope) {
        if (scope.readableBodyIds().isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, name, office_name FROM inspection_body_view WHERE id IN (:readable)
                ORDER BY CASE WHEN id = :own THEN 0 ELSE 1 END, region_code, id
                """).param("readable", scope.readableBodyIds())
                .param("own", scope.body() == null ? -1L : scope.body().value())
                .query((rs, n) -> new BodyRef(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    // ---- numbering ---------------------------------------------------------------------------------------------

    /**
     * The next letter number of a body in a year, without gaps: the counter row is created (at 0) in a transaction
     * of its own, so a concurrent first insert that loses on the key does not abort the caller's transaction; the
     * UPDATE then holds the row's lock until the caller's batch commits or rolls back (a rolled-back batch gives its
     * number back).
     */
    int nextSeq(long bodyId, int year) {
        boolean exists = jdbc.sql("SELECT count(*) FROM transfer_counter WHERE body_id = :b AND letter_year = :y")
                .param("b", bodyId).param("y", year).query(Long.class).single() > 0;
        if (!exists) {
            alone.executeWithoutResult(status -> {
                try {
                    jdbc.sql("INSERT INTO transfer_counter (body_id, letter_year, last_seq) VALUES (:b, :y, 0)")
                            .param("b", bodyId).param("y", year).update();
                } catch (DuplicateKeyException raced) {
                    status.setRollbackOnly(); // another batch created it first: the UPDATE below takes its turn
                }
            });
        }
        int changed = jdbc.sql("UPDATE transfer_counter SET last_seq = last_seq + 1 WHERE body_id = :b AND letter_year = :y")
                .param("b", bodyId).param("y", year).update();
        if (changed != 1) {
            throw new IllegalStateException("transfer counter of body " + bodyId + " for " + year);
        }
        return jdbc.sql("SELECT last_seq FROM transfer_counter WHERE body_id = :b AND letter_year = :y")
                .param("b", bodyId).param("y", year).query(Integer.class).single();
    }

    // ---- writing -----------------------------------------------------------------------------------------------

    record NewLetter(long bodyId, int year, int seq, String letterNo, Receiver receiver, int itemCount, String note,
                     long createdBy, String createdByName, OffsetDateTime at) {
    }

    long insertLetter(NewLetter l) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO transfer_letter (body_id, letter_year, letter_seq, letter_no, receiver_kind,
                                             receiver_body_id, receiver_department, item_count, note, created_by,
                                             created_by_name, created_at)
                VALUES (:b, :y, :s, :no, :k, :rb, :rd, :c, :note, :by, :byName, :at)
                """).param("b", l.bodyId()).param("y", l.year()).param("s", l.seq()).param("no", l.letterNo())
                .param("k", l.receiver().kind().name()).param("rb", l.receiver().bodyId())
                .param("rd", l.receiver().department()).param("c", l.itemCount()).param("note", l.note())
                .param("by", l.createdBy()).param("byName", l.createdByName()).param("at", l.at())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void storeDocument(long letterId, byte[] docx, String digest, String signature) {
        jdbc.sql("UPDATE transfer_letter SET letter_docx = :d, signed_digest = :g, signature = :s WHERE id = :id")
                .param("d", docx == null || docx.length == 0 ? null : docx).param("g", digest).param("s", signature)
                .param("id", letterId).update();
    }

    record NewItem(SubjectKind kind, long subjectId, long bodyId, Long inspectionId, long letterId, Receiver receiver,
                   String title, int personCount, OffsetDateTime at) {
    }

    /** Inserts the item; a second transfer of the same subject fails on transfer_item_subject_uk. */
    long insertItem(NewItem i) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO transfer_item (subject_kind, subject_id, body_id, inspection_id, letter_id, receiver_kind,
                                           receiver_body_id, receiver_department, title, person_count, status,
                                           transferred_at, overdue, supervised, row_version, updated_at)
                VALUES (:sk, :sid, :b, :i, :letter, :k, :rb, :rd, :t, :pc, 'TRANSFERRED', :at, FALSE, FALSE, 1, :at)
                """).param("sk", i.kind().name()).param("sid", i.subjectId()).param("b", i.bodyId())
                .param("i", i.inspectionId()).param("letter", i.letterId()).param("k", i.receiver().kind().name())
                .param("rb", i.receiver().bodyId()).param("rd", i.receiver().department()).param("t", i.title())
                .param("pc", i.personCount()).param("at", i.at()).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void insertRoute(long itemId, int position, long letterId, Receiver receiver, String reason, String byName,
                     OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO transfer_item_route (item_id, position, letter_id, receiver_kind, receiver_body_id,
                                                 receiver_department, reason, routed_by_name, routed_at)
                VALUES (:item, :pos, :letter, :k, :rb, :rd, :reason, :by, :at)
                """).param("item", itemId).param("pos", position).param("letter", letterId)
                .param("k", receiver.kind().name()).param("rb", receiver.bodyId()).param("rd", receiver.department())
                .param("reason", reason).param("by", byName).param("at", at).update();
    }

    int lastPosition(long itemId) {
        return jdbc.sql("SELECT coalesce(max(position), 0) FROM transfer_item_route WHERE item_id = :i")
                .param("i", itemId).query(Integer.class).single();
    }

    /**
     * Moves an item to its new receiver and letter (转办), back to TRANSFERRED, with its 签收 cleared so the new
     * receiver signs again; false when the item changed meanwhile (row_version) .
     */
    boolean redirect(long itemId, int version, TransferStatus from, long letterId, Receiver receiver,
                     OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE transfer_item SET letter_id = :letter, receiver_kind = :k, receiver_body_id = :rb,
                    receiver_department = :rd, status = 'TRANSFERRED', signed_by = NULL, signed_by_name = NULL,
                    signed_at = NULL, due_on = NULL, remind_on = NULL, overdue = FALSE, updated_at = :at,
                    row_version = row_version + 1
                WHERE id = :id AND row_version = :v AND status = :from
                """).param("letter", letterId).param("k", receiver.kind().name()).param("rb", receiver.bodyId())
                .param("rd", receiver.department()).param("at", at).param("id", itemId).param("v", version)
                .param("from", from.name()).update() == 1;
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    ResultPage<ItemRow> list(DataScope scope, Filter f, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE" + ReferralScope.readable(scope, "t"));
        if (f.status() != null) {
            where.append(" AND t.status = :status");
        }
        if (f.receiverKind() != null) {
            where.append(" AND t.receiver_kind = :rk");
        }
        if (f.subjectKind() != null) {
            where.append(" AND t.subject_kind = :sk");
        }
        if (f.inspection() != null) {
            where.append(" AND t.inspection_id = :insp");
        }
        long total = filter(ReferralScope.bind(jdbc.sql("SELECT count(*) FROM transfer_item t" + where), scope), f)
                .query(Long.class).single();
        List<ItemRow> items = filter(ReferralScope.bind(jdbc.sql(ITEM + where
                        + " ORDER BY t.transferred_at DESC, t.id DESC LIMIT :limit OFFSET :offset"), scope), f)
                .param("limit", size).param("offset", ResultPage.offset(page, size))
                .query(TransferRepository::item).list();
        return new ResultPage<>(items, page, size, total);
    }

    private static JdbcClient.StatementSpec filter(JdbcClient.StatementSpec spec, Filter f) {
        if (f.status() != null) {
            spec = spec.param("status", f.status().name());
        }
        if (f.receiverKind() != null) {
            spec = spec.param("rk", f.receiverKind().name());
        }
        if (f.subjectKind() != null) {
            spec = spec.param("sk", f.subjectKind().name());
        }
        if (f.inspection() != null) {
            spec = spec.param("insp", f.inspection());
        }
        return spec;
    }

    /** The inspections of the items the caller reads, for the list's filter. */
    List<Object[]> inspections(DataScope scope) {
        return ReferralScope.bind(jdbc.sql("""
                SELECT DISTINCT t.inspection_id, v.team_name FROM transfer_item t
                JOIN inspection_scope_view v ON v.id = t.inspection_id WHERE""" + ReferralScope.readable(scope, "t")
                + " ORDER BY v.team_name"), scope)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
    }

    Optional<ItemRow> item(DataScope scope, long id) {
        return ReferralScope.bind(jdbc.sql(ITEM + " WHERE t.id = :id AND" + ReferralScope.readable(scope, "t")), scope)
                .param("id", id).query(TransferRepository::item).optional();
    }

    /** An item the caller's office may act on (its own body's: 转办). */
    Optional<ItemRow> writableItem(DataScope scope, long id) {
        return ReferralScope.bind(jdbc.sql(ITEM + " WHERE t.id = :id AND" + ReferralScope.officeWritable(scope, "t")),
                scope).param("id", id).query(TransferRepository::item).optional();
    }

    List<RouteRow> route(long itemId) {
        return jdbc.sql("""
                SELECT r.position, r.letter_id, l.letter_no, r.receiver_kind, rb.name, r.receiver_department, r.reason,
                       r.routed_by_name, r.routed_at
                FROM transfer_item_route r JOIN transfer_letter l ON l.id = r.letter_id
                LEFT JOIN inspection_body_view rb ON rb.id = r.receiver_body_id
                WHERE r.item_id = :i ORDER BY r.position
                """).param("i", itemId).query((rs, n) -> new RouteRow(rs.getInt(1), rs.getLong(2), rs.getString(3),
                ReceiverKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getObject(9, OffsetDateTime.class))).list();
    }

    /**
     * A letter the caller reads: one of its readable bodies' letters (the office), or one that carries an item the
     * caller reads.
     */
    Optional<LetterRow> letter(DataScope scope, long id) {
        String office = scope.readableBodyIds().isEmpty() || !scope.has(org.xuncha.common.Role.OFFICE)
                ? "" : " l.body_id IN (:readable) OR ";
        return ReferralScope.bind(jdbc.sql("""
                SELECT l.id, l.body_id, l.letter_no, l.receiver_kind, l.receiver_body_id, rb.name,
                       l.receiver_department, l.item_count, l.note,
                       CASE WHEN l.letter_docx IS NULL THEN FALSE ELSE TRUE END, l.signed_digest, l.signature,
                       l.created_by_name, l.created_at
                FROM transfer_letter l LEFT JOIN inspection_body_view rb ON rb.id = l.receiver_body_id
                WHERE l.id = :id AND (""" + office + """
                EXISTS (SELECT 1 FROM transfer_item_route r JOIN transfer_item t ON t.id = r.item_id
                 WHERE r.letter_id = l.id AND""" + ReferralScope.readable(scope, "t") + "))"), scope)
                .param("id", id).query((rs, n) -> new LetterRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        ReceiverKind.valueOf(rs.getString(4)), rs.getLong(5), rs.getString(6), rs.getString(7),
                        rs.getInt(8), rs.getString(9), rs.getBoolean(10), rs.getString(11), rs.getString(12),
                        rs.getString(13), rs.getObject(14, OffsetDateTime.class))).optional();
    }

    /** The items a letter carried, by their position on each item's route (the caller already read the letter). */
    List<LetterItemRow> letterItems(long letterId) {
        return jdbc.sql(ITEM.replace("SELECT t.id,", "SELECT r.position AS route_position, t.id,")
                        + " JOIN transfer_item_route r ON r.item_id = t.id WHERE r.letter_id = :l ORDER BY t.id")
                .param("l", letterId).query((rs, n) -> new LetterItemRow(rs.getInt("route_position"), item(rs, n)))
                .list();
    }

    Optional<byte[]> letterDocx(long letterId) {
        return jdbc.sql("SELECT letter_docx FROM transfer_letter WHERE id = :id AND letter_docx IS NOT NULL")
                .param("id", letterId).query((rs, n) -> rs.getBytes(1)).optional();
    }

    private static ItemRow item(ResultSet rs, int n) throws SQLException {
        Long inspection = rs.getObject("inspection_id") == null ? null : rs.getLong("inspection_id");
        return new ItemRow(rs.getLong("id"), SubjectKind.valueOf(rs.getString("subject_kind")),
                rs.getLong("subject_id"), rs.getLong("body_id"), inspection,
                rs.getString("team_name"), rs.getLong("letter_id"), rs.getString("letter_no"),
                ReceiverKind.valueOf(rs.getString("receiver_kind")), rs.getLong("receiver_body_id"),
                rs.getString("receiver_body_name"), rs.getString("receiver_department"), rs.getString("title"),
                rs.getInt("person_count"), TransferStatus.valueOf(rs.getString("status")),
                rs.getObject("transferred_at", OffsetDateTime.class), rs.getString("signed_by_name"),
                rs.getObject("signed_at", OffsetDateTime.class), rs.getObject("due_on", LocalDate.class),
                rs.getBoolean("overdue"), rs.getInt("row_version"));
    }
}
