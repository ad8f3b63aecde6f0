package org.xuncha.referral.receiving;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.SubjectKind;
import org.xuncha.referral.TransferStatus;
import org.xuncha.referral.internal.ReferralScope;

/**
 * SQL of the receivers' side. Every query of case data carries {@link ReferralScope} in its WHERE clause: the
 * worklist reads what was transferred to the caller's body and kind ({@link ReferralScope#received}) and, for the
 * transferring office, its own body's items ({@link ReferralScope#officeWritable}); one item is read under
 * {@link ReferralScope#readable}, with the caller's standing (receiver, acting office) computed in the same query.
 */
@Repository
class ReceivingRepository {

    private static final String COLUMNS = """
            SELECT t.id, t.subject_kind, t.subject_id, t.body_id, b.name AS body_name, t.inspection_id, t.letter_id,
                   l.letter_no, t.receiver_kind, t.receiver_body_id, t.receiver_department, rb.name AS receiver_body_name,
                   t.title, t.person_count, t.status, t.transferred_at, t.signed_by_name, t.signed_at, t.due_on,
                   t.remind_on, t.overdue, t.supervised, t.row_version
            """;
    private static final String FROM = """
            FROM transfer_item t JOIN transfer_letter l ON l.id = t.letter_id
            LEFT JOIN inspection_body_view b ON b.id = t.body_id
            LEFT JOIN inspection_body_view rb ON rb.id = t.receiver_body_id
            """;
    private static final String OVERDUE = "(t.overdue = TRUE OR (t.due_on IS NOT NULL AND t.due_on < :today"
            + " AND t.status <> 'CLOSED'))";

    private final JdbcClient jdbc;

    ReceivingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The worklist's rows: received by the caller, or (for the transferring office) its own body's. */
    static String worklist(DataScope scope) {
        return " (" + ReferralScope.received(scope, "t") + " OR" + ReferralScope.officeWritable(scope, "t") + ")";
    }

    ResultPage<ReceivedItem> worklist(DataScope scope, ReceivedFilter filter, LocalDate today, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE").append(worklist(scope));
        if (filter.status() != null) {
            where.append(" AND t.status = :status");
        }
        if (filter.subject() != null) {
            where.append(" AND t.subject_kind = :subject");
        }
        if (filter.signing() != null) {
            where.append(switch (filter.signing()) {
                case AWAITING -> " AND t.status = 'TRANSFERRED'";
                case SIGNED -> " AND t.status IN ('SIGNED', 'HANDLING', 'CLOSED')";
                case OVERDUE -> " AND " + OVERDUE;
            });
        }
        long total = params(ReferralScope.bind(jdbc.sql("SELECT count(*) " + FROM + where), scope), filter, today)
                .query(Long.class).single();
        List<ReceivedItem> items = params(ReferralScope.bind(jdbc.sql(COLUMNS + ", " + OVERDUE + " AS late " + FROM
                + where + " ORDER BY CASE WHEN t.status = 'TRANSFERRED' THEN 0 ELSE 1 END, t.due_on, t.transferred_at"
                + " DESC, t.id DESC LIMIT :limit OFFSET :offset"), scope), filter, today)
                .param("limit", size).param("offset", ResultPage.offset(page, size))
                .query(ReceivingRepository::item).list();
        return new ResultPage<>(items, page, size, total);
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, ReceivedFilter filter, LocalDate today) {
        return spec.param("status", filter.status() == null ? "" : filter.status().name())
                .param("subject", filter.subject() == null ? "" : filter.subject().name()).param("today", today);
    }

    /** 待签收: items transferred to the caller's body and kind that nobody has signed for yet. */
    long countAwaiting(DataScope scope) {
        return ReferralScope.bind(jdbc.sql("SELECT count(*) FROM transfer_item t WHERE t.status = 'TRANSFERRED' AND"
                + ReferralScope.received(scope, "t")), scope).query(Long.class).single();
    }

    /** One item as the caller reads it, and whether the caller is its receiver or the office that may act on it. */
    record Found(ReceivedItem item, boolean receiver, boolean actingOffice) {
    }

    Optional<Found> find(long id, DataScope scope, LocalDate today) {
        return ReferralScope.bind(jdbc.sql(COLUMNS + ", " + OVERDUE + " AS late, CASE WHEN"
                + ReferralScope.received(scope, "t") + " THEN 1 ELSE 0 END AS receiver, CASE WHEN"
                + ReferralScope.officeWritable(scope, "t") + " THEN 1 ELSE 0 END AS acting " + FROM
                + " WHERE t.id = :id AND" + ReferralScope.readable(scope, "t")), scope)
                .param("id", id).param("today", today)
                .query((rs, n) -> new Found(item(rs, n), rs.getInt("receiver") == 1, rs.getInt("acting") == 1))
                .optional();
    }

    /** The signed-for items of a letter that are with the caller's receiver now (the annex lists them). */
    List<ReceivedItem> receivedSignedOfLetter(long letterId, DataScope scope, LocalDate today) {
        return ReferralScope.bind(jdbc.sql(COLUMNS + ", " + OVERDUE + " AS late " + FROM + " WHERE t.letter_id = :letter"
                        + " AND t.status IN ('SIGNED', 'HANDLING', 'CLOSED') AND" + ReferralScope.received(scope, "t")
                        + " ORDER BY t.id"), scope)
                .param("letter", letterId).param("today", today).query(ReceivingRepository::item).list();
    }

    int currentRoutePosition(long itemId) {
        return jdbc.sql("SELECT coalesce(max(position), 1) FROM transfer_item_route WHERE item_id = :i")
                .param("i", itemId).query(Integer.class).single();
    }

    /** The 签收: only from TRANSFERRED and at the version the caller read; false when either no longer holds. */
    boolean sign(long id, int rowVersion, long by, String byName, OffsetDateTime at, LocalDate dueOn, LocalDate remindOn) {
        return jdbc.sql("""
                UPDATE transfer_item SET status = 'SIGNED', signed_by = :by, signed_by_name = :name, signed_at = :at,
                    due_on = :due, remind_on = :remind, row_version = row_version + 1, updated_at = :at
                WHERE id = :id AND row_version = :v AND status = 'TRANSFERRED'
                """).param("by", by).param("name", byName).param("at", at).param("due", dueOn)
                .param("remind", remindOn).param("id", id).param("v", rowVersion).update() == 1;
    }

    long insertSignature(ReceivedItem item, int routePosition, long by, String byName, boolean onBehalf,
                         OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO transfer_signature (item_id, route_position, receiver_kind, receiver_body_id,
                                                receiver_department, signed_by, signed_by_name, on_behalf, signed_at)
                VALUES (:item, :pos, :kind, :body, :dept, :by, :name, :behalf, :at)
                """).param("item", item.id()).param("pos", routePosition).param("kind", item.receiverKind().name())
                .param("body", item.receiverBodyId()).param("dept", item.receiverDepartment()).param("by", by)
                .param("name", byName).param("behalf", onBehalf).param("at", at).update();
        return jdbc.sql("SELECT id FROM transfer_signature WHERE item_id = :item AND route_position = :pos")
                .param("item", item.id()).param("pos", routePosition).query(Long.class).single();
    }

    long insertUnsealing(long itemId, String kind, Long letterId, String reason, long actorId, String actor,
                         OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO transfer_unsealing (item_id, kind, letter_id, reason, actor_id, actor, occurred_at)
                VALUES (:item, :kind, :letter, :reason, :actorId, :actor, :at)
                """).param("item", itemId).param("kind", kind).param("letter", letterId).param("reason", reason)
                .param("actorId", actorId).param("actor", actor).param("at", at).update();
        return jdbc.sql("SELECT max(id) FROM transfer_unsealing WHERE item_id = :item AND actor_id = :actorId")
                .param("item", itemId).param("actorId", actorId).query(Long.class).single();
    }

    /** One receiver the item had (transfer_item_route), in order. */
    public record Route(int position, String letterNo, ReceiverKind receiverKind, String receiverDepartment,
                        String receiverBodyName, String reason, String routedByName, OffsetDateTime routedAt) {
        public String receiverName() {
            return receiverDepartment == null ? receiverKind.label()
                    : receiverKind.label() + "（" + receiverDepartment + "）";
        }
    }

    List<Route> route(long itemId) {
        return jdbc.sql("""
                SELECT r.position, l.letter_no, r.receiver_kind, r.receiver_department, b.name, r.reason,
                       r.routed_by_name, r.routed_at
                FROM transfer_item_route r JOIN transfer_letter l ON l.id = r.letter_id
                LEFT JOIN inspection_body_view b ON b.id = r.receiver_body_id
                WHERE r.item_id = :i ORDER BY r.position
                """).param("i", itemId).query((rs, n) -> new Route(rs.getInt(1), rs.getString(2),
                ReceiverKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getObject(8, OffsetDateTime.class))).list();
    }

    /** A 签收 (签字背书) of the item: who, when, and whether the office signed on the receiver's behalf. */
    public record Signature(int routePosition, String receiverName, String signedByName, boolean onBehalf,
                            OffsetDateTime signedAt) {
    }

    List<Signature> signatures(long itemId) {
        return jdbc.sql("""
                SELECT route_position, receiver_kind, receiver_department, signed_by_name, on_behalf, signed_at
                FROM transfer_signature WHERE item_id = :i ORDER BY route_position
                """).param("i", itemId).query((rs, n) -> {
                    ReceiverKind kind = ReceiverKind.valueOf(rs.getString(2));
                    String dept = rs.getString(3);
                    return new Signature(rs.getInt(1), dept == null ? kind.label() : kind.label() + "（" + dept + "）",
                            rs.getString(4), rs.getBoolean(5), rs.getObject(6, OffsetDateTime.class));
                }).list();
    }

    /** Who opened the item's persons or its annex, when and why: shown to the receiver's own accounts only. */
    public record Unsealing(long id, String kindLabel, String reason, String actor, OffsetDateTime occurredAt) {
    }

    List<Unsealing> unsealings(long itemId) {
        return jdbc.sql("""
                SELECT id, kind, reason, actor, occurred_at FROM transfer_unsealing WHERE item_id = :i ORDER BY id
                """).param("i", itemId).query((rs, n) -> new Unsealing(rs.getLong(1),
                "ANNEX".equals(rs.getString(2)) ? "下载移交函附件" : "查看涉及人员", rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class))).list();
    }

    private static ReceivedItem item(ResultSet rs, int n) throws SQLException {
        long inspection = rs.getLong("inspection_id");
        Long inspectionId = rs.wasNull() ? null : inspection;
        return new ReceivedItem(rs.getLong("id"), SubjectKind.valueOf(rs.getString("subject_kind")),
                rs.getLong("subject_id"), rs.getLong("body_id"), rs.getString("body_name"), inspectionId,
                rs.getLong("letter_id"), rs.getString("letter_no"), ReceiverKind.valueOf(rs.getString("receiver_kind")),
                rs.getLong("receiver_body_id"), rs.getString("receiver_department"), rs.getString("receiver_body_name"),
                rs.getString("title"), rs.getInt("person_count"), TransferStatus.valueOf(rs.getString("status")),
                rs.getObject("transferred_at", OffsetDateTime.class), rs.getString("signed_by_name"),
                rs.getObject("signed_at", OffsetDateTime.class), rs.getObject("due_on", LocalDate.class),
                rs.getObject("remind_on", LocalDate.class), rs.getBoolean("late"), rs.getBoolean("supervised"),
                rs.getInt("row_version"));
    }

}
