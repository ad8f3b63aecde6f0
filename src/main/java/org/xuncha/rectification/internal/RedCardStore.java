package org.xuncha.rectification.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.rectification.RedCardKind;
import org.xuncha.rectification.RedCardStatus;

/**
 * Raising red cards ({@code rectification_red_card}, V8_46) and the rule of who reads them, shared by the listener
 * of the red cards, {@code RelapseReports} and the ledger's red marks.
 *
 * <p>Raising is idempotent: a card is one row per (kind, item, match key) — the database's unique constraint, with
 * {@code ON CONFLICT DO NOTHING} — so an event delivered twice, or a relapse linked twice, raises one card; only the
 * insert that created the row is audited ({@code RED_CARD_RAISED}, ids and codes). The card copies its item's body,
 * organization and inspection, and is read under {@link LedgerScope} like the item: whoever reads the item reads its
 * cards, except that the TARGET reads only CONFIRMED cards of its own items ({@link #readable}).
 */
@Component
public class RedCardStore {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    RedCardStore(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a new card says; unused fields null. */
    public record NewCard(RedCardKind kind, long item, String matchKey, Long otherItem, Long evidence,
                          Long otherEvidence, String sha256, Long progress, Long otherProgress,
                          Integer similarityPermille, Long finding, Long findingInspection, Long raisedBy,
                          String raisedByName) {
    }

    /** Inserts the card unless one with its kind, item and match key exists; the new card's id, or empty. */
    public Optional<Long> raise(NewCard c) {
        var item = jdbc.sql("SELECT body_id, organization_id, inspection_id FROM rectification_item WHERE id = :i")
                .param("i", c.item()).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .single();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int inserted = jdbc.sql("""
                INSERT INTO rectification_red_card (kind, item_id, body_id, organization_id, inspection_id, match_key,
                                                    other_item_id, evidence_id, other_evidence_id, sha256, progress_id,
                                                    other_progress_id, similarity_permille, finding_id,
                                                    finding_inspection_id, raised_at, raised_by, raised_by_name,
                                                    status, row_version)
                VALUES (:kind, :item, :body, :org, :inspection, :key, :other, :evidence, :otherEvidence, :sha,
                        :progress, :otherProgress, :similarity, :finding, :findingInspection, :now, :by, :byName,
                        'RAISED', 1)
                ON CONFLICT DO NOTHING
                """).param("kind", c.kind().name()).param("item", c.item()).param("body", item[0])
                .param("org", item[1]).param("inspection", item[2]).param("key", c.matchKey())
                .param("other", c.otherItem(), java.sql.Types.BIGINT)
                .param("evidence", c.evidence(), java.sql.Types.BIGINT)
                .param("otherEvidence", c.otherEvidence(), java.sql.Types.BIGINT)
                .param("sha", c.sha256(), java.sql.Types.CHAR)
                .param("progress", c.progress(), java.sql.Types.BIGINT)
                .param("otherProgress", c.otherProgress(), java.sql.Types.BIGINT)
                .param("similarity", c.similarityPermille(), java.sql.Types.INTEGER)
                .param("finding", c.finding(), java.sql.Types.BIGINT)
                .param("findingInspection", c.findingInspection(), java.sql.Types.BIGINT)
                .param("now", now).param("by", c.raisedBy(), java.sql.Types.BIGINT)
                .param("byName", c.raisedByName(), java.sql.Types.VARCHAR).update();
        if (inserted == 0) {
            return Optional.empty();
        }
        long id = jdbc.sql("SELECT id FROM rectification_red_card WHERE kind = :k AND item_id = :i AND match_key = :m")
                .param("k", c.kind().name()).param("i", c.item()).param("m", c.matchKey()).query(Long.class).single();
        audit.success("RED_CARD_RAISED", "RedCard", id, "kind=" + c.kind() + "; item=" + c.item()
                + (c.otherItem() != null ? "; otherItem=" + c.otherItem() : "")
                + (c.finding() != null ? "; finding=" + c.finding() : "")
                + (c.similarityPermille() != null ? "; similarity=" + c.similarityPermille() : ""));
        return Optional.of(id);
    }

    /** Cards the caller reads, over {@code rectification_red_card} under {@code alias}. */
    public static String readable(DataScope scope, String alias) {
        String rule = LedgerScope.readable(scope, alias);
        return scope.has(Role.TARGET) ? " (" + rule + " AND " + alias + ".status = '" + RedCardStatus.CONFIRMED.name()
                + "')" : rule;
    }

    /** The CONFIRMED cards per item, of the items given (items the caller has read), for the ledger's red mark. */
    public Map<Long, Long> confirmedPerItem(Collection<Long> itemIds) {
        Map<Long, Long> out = new HashMap<>();
        if (itemIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT item_id, count(*) FROM rectification_red_card WHERE status = 'CONFIRMED'"
                        + " AND item_id IN (:items) GROUP BY item_id").param("items", itemIds)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }

    /** A filter clause on {@code rectification_item} under {@code alias}: the item has a CONFIRMED card (有红牌). */
    public static String hasConfirmedCard(String alias) {
        return " EXISTS (SELECT 1 FROM rectification_red_card rc WHERE rc.item_id = " + alias
                + ".id AND rc.status = 'CONFIRMED')";
    }
}
