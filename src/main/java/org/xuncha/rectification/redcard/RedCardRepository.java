package org.xuncha.rectification.redcard;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.rectification.RedCardKind;
import org.xuncha.rectification.RedCardStatus;
import org.xuncha.rectification.internal.LedgerScope;
import org.xuncha.rectification.internal.RedCardStore;

/**
 * SQL of the red cards: every read filters {@link RedCardStore#readable} (the item's ledger scope; the TARGET only
 * CONFIRMED cards of its own items) in the query; the other side of a card (the other item) is read under
 * {@link LedgerScope} on its own, so a caller who may not read it learns nothing of it. A card changes only through
 * {@link #decide}, at the row version read and only while RAISED.
 */
@Repository
class RedCardRepository {

    private final JdbcClient jdbc;

    RedCardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A card as lists and its page show it; {@code forOffice}: the caller decides it (office of its body). */
    record Card(long id, RedCardKind kind, RedCardStatus status, long itemId, int position, long organizationId,
                String organizationName, String bodyName, String wording, Long otherItemId, Long evidenceId,
                Long otherEvidenceId, String sha256, Long progressId, Long otherProgressId,
                Integer similarityPermille, Long findingId, OffsetDateTime raisedAt, String raisedByName,
                String decisionReason, String decidedByName, OffsetDateTime decidedAt, int rowVersion,
                boolean forOffice) {

        public String similarityShown() {
            return similarityPermille == null ? "" : (similarityPermille / 10) + "." + (similarityPermille % 10) + "%";
        }
    }

    private static String columns(DataScope scope) {
        return "SELECT c.id, c.kind, c.status, c.item_id, i.position, c.organization_id, o.name, b.name, fi.wording,"
                + " c.other_item_id, c.evidence_id, c.other_evidence_id, c.sha256, c.progress_id,"
                + " c.other_progress_id, c.similarity_permille, c.finding_id, c.raised_at, c.raised_by_name,"
                + " c.decision_reason, c.decided_by_name, c.decided_at, c.row_version,"
                + " CASE WHEN" + LedgerScope.officeWritable(scope, "c") + " THEN 1 ELSE 0 END"
                + " FROM rectification_red_card c"
                + " JOIN rectification_item i ON i.id = c.item_id"
                + " JOIN rectification_feedback_item fi ON fi.id = i.feedback_item_id"
                + " LEFT JOIN party_organization_view o ON o.id = c.organization_id"
                + " LEFT JOIN inspection_body_view b ON b.id = c.body_id"
                + " WHERE" + RedCardStore.readable(scope, "c");
    }

    private static Card card(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Card(rs.getLong(1), RedCardKind.valueOf(rs.getString(2)), RedCardStatus.valueOf(rs.getString(3)),
                rs.getLong(4), rs.getInt(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getObject(10, Long.class), rs.getObject(11, Long.class), rs.getObject(12, Long.class),
                rs.getString(13), rs.getObject(14, Long.class), rs.getObject(15, Long.class),
                rs.getObject(16, Integer.class), rs.getObject(17, Long.class), rs.getObject(18, OffsetDateTime.class),
                rs.getString(19), rs.getString(20), rs.getString(21), rs.getObject(22, OffsetDateTime.class),
                rs.getInt(23), rs.getInt(24) == 1);
    }

    Optional<Card> card(long id, DataScope scope) {
        return LedgerScope.bind(jdbc.sql(columns(scope) + " AND c.id = :id"), scope).param("id", id)
                .query((rs, n) -> card(rs)).optional();
    }

    /** The cards of one item the caller reads, newest first. */
    List<Card> ofItem(long itemId, DataScope scope) {
        return LedgerScope.bind(jdbc.sql(columns(scope) + " AND c.item_id = :item ORDER BY c.id DESC"), scope)
                .param("item", itemId).query((rs, n) -> card(rs)).list();
    }

    ResultPage<Card> page(DataScope scope, RedCardFilter f, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder w = new StringBuilder();
        if (f.kind() != null) {
            w.append(" AND c.kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.status() != null) {
            w.append(" AND c.status = :status");
            params.put("status", f.status().name());
        }
        if (f.organization() != null) {
            w.append(" AND c.organization_id = :organization");
            params.put("organization", f.organization());
        }
        long total = LedgerScope.bind(jdbc.sql("SELECT count(*) FROM rectification_red_card c WHERE"
                + RedCardStore.readable(scope, "c") + w), scope).params(params).query(Long.class).single();
        List<Card> rows = LedgerScope.bind(jdbc.sql(columns(scope) + w
                        + " ORDER BY c.id DESC LIMIT :limit OFFSET :offset"), scope).params(params)
                .param("limit", size).param("offset", ResultPage.offset(page, size))
                .query((rs, n) -> card(rs)).list();
        return new ResultPage<>(rows, page, size, total);
    }

    record Option(long id, String name) {
    }

    /** The organizations of the cards the caller reads, for the filter. */
    List<Option> organizations(DataScope scope) {
        return LedgerScope.bind(jdbc.sql("SELECT DISTINCT c.organization_id, o.name FROM rectification_red_card c"
                + " LEFT JOIN party_organization_view o ON o.id = c.organization_id WHERE"
                + RedCardStore.readable(scope, "c") + " ORDER BY o.name, c.organization_id"), scope)
                .query((rs, n) -> new Option(rs.getLong(1), rs.getString(2))).list();
    }

    /** The other item of a card, if the caller reads it under the ledger's scope (never for the TARGET). */
    record OtherItem(long id, int position, String organizationName, String bodyName, String wording) {
    }

    Optional<OtherItem> otherItem(long itemId, DataScope scope) {
        return LedgerScope.bind(jdbc.sql("""
                SELECT i.id, i.position, o.name, b.name, fi.wording FROM rectification_item i
                  JOIN rectification_feedback_item fi ON fi.id = i.feedback_item_id
                  LEFT JOIN party_organization_view o ON o.id = i.organization_id
                  LEFT JOIN inspection_body_view b ON b.id = i.body_id
                 WHERE i.id = :id AND""" + LedgerScope.readable(scope, "i")), scope).param("id", itemId)
                .query((rs, n) -> new OtherItem(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).optional();
    }

    /** An evidence file's title, file name and hash (of an item the caller reads). */
    record EvidenceShown(long id, String title, String fileName, String sha256) {
    }

    Optional<EvidenceShown> evidence(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, title, file_name, sha256 FROM rectification_evidence WHERE id = :id")
                .param("id", id).query((rs, n) -> new EvidenceShown(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4))).optional();
    }

    /** A progress text (of an item the caller reads). */
    Optional<String> progressText(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT progress_text FROM rectification_progress WHERE id = :id").param("id", id)
                .query(String.class).optional();
    }

    /** Writes the decision if the card is still RAISED at {@code rowVersion}; false otherwise. */
    boolean decide(long id, int rowVersion, RedCardStatus to, String reason, long by, String name,
                   OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE rectification_red_card SET status = :s, decision_reason = :r, decided_by = :by,
                       decided_by_name = :name, decided_at = :now, row_version = row_version + 1
                 WHERE id = :id AND row_version = :v AND status = 'RAISED'
                """).param("s", to.name()).param("r", reason).param("by", by).param("name", name).param("now", now)
                .param("id", id).param("v", rowVersion).update() == 1;
    }

    /** RAISED cards the caller decides (待认定的红牌). */
    long toDecide(DataScope scope) {
        return LedgerScope.bind(jdbc.sql("SELECT count(*) FROM rectification_red_card c WHERE"
                + LedgerScope.officeWritable(scope, "c") + " AND c.status = 'RAISED'"), scope).query(Long.class)
                .single();
    }
}
