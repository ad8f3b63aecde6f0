package org.xuncha.rectification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.rectification.internal.ProgressFingerprint;
import org.xuncha.rectification.internal.RedCardStore;

/**
 * The automatic red cards of one progress report (整改进展), raised in the caller's transaction:
 *
 * <ul>
 * <li>SAME_EVIDENCE: for each evidence file of the report, the first use of its SHA-256 (the earliest evidence row
 * with it, on any item of the installation, another county's included): when that is another item, one card on the
 * reported item per hash; when it is the reported item itself (it uses its own file again, even after others copied
 * it), none;</li>
 * <li>COPIED_PROGRESS: earlier progress rows of other items sharing a MinHash band key with the report
 * ({@code rectification_progress_band}, {@link ProgressFingerprint}) are candidates; each is verified with the exact
 * 3-gram Jaccard coefficient, and every other item with a row at or above {@link ProgressFingerprint#THRESHOLD}
 * raises one card (its most similar row) on the reported item.</li>
 * </ul>
 *
 * "Earlier" is by row id, so of two items the later use gets the card and the first does not. Idempotent: cards
 * are unique per kind, item and match key ({@link RedCardStore#raise}); screening a report again inserts nothing.
 * The ledger's listener of {@link ProgressReported} calls {@link #screen}; rows written in bulk (the demo's history)
 * call {@link #screenWritten}, which first gives the row the candidate keys a progress report stores.
 */
@Service
public class RedCardScreening {

    /** At most this many candidates are verified per report (the newest): a bound on the work, never reached by copies. */
    public static final int CANDIDATES = 500;

    private final JdbcClient jdbc;
    private final RedCardStore cards;

    RedCardScreening(JdbcClient jdbc, RedCardStore cards) {
        this.jdbc = jdbc;
        this.cards = cards;
    }

    /** Raises the automatic cards of the progress row {@code progress} of {@code item}. */
    @Transactional
    public void screen(RectificationItemId item, long progress) {
        sameEvidence(item.value(), progress);
        copiedProgress(item.value(), progress);
    }

    /**
     * For a progress row written without the ledger's service (bulk history): stores its candidate keys if it has
     * none, then screens it. Screen rows in the order they were written, so that each finds the earlier ones.
     */
    @Transactional
    public void screenWritten(long progress) {
        Long item = jdbc.sql("SELECT item_id FROM rectification_progress WHERE id = :p").param("p", progress)
                .query(Long.class).single();
        boolean keyed = jdbc.sql("SELECT count(*) FROM rectification_progress_band WHERE progress_id = :p")
                .param("p", progress).query(Long.class).single() > 0;
        if (!keyed) {
            String text = jdbc.sql("SELECT progress_text FROM rectification_progress WHERE id = :p")
                    .param("p", progress).query(String.class).single();
            ProgressFingerprint fingerprint = ProgressFingerprint.of(text);
            for (Long k : fingerprint.bandKeys()) {
                jdbc.sql("INSERT INTO rectification_progress_band (progress_id, item_id, band_key) VALUES (:p, :i, :k)")
                        .param("p", progress).param("i", item).param("k", k).update();
            }
        }
        screen(RectificationItemId.of(item), progress);
    }

    private void sameEvidence(long item, long progress) {
        record File(long id, String sha) {
        }
        List<File> files = jdbc.sql("SELECT id, sha256 FROM rectification_evidence WHERE progress_id = :p ORDER BY id")
                .param("p", progress).query((rs, n) -> new File(rs.getLong(1), rs.getString(2))).list();
        for (File f : files) {
            jdbc.sql("""
                    SELECT id, item_id FROM rectification_evidence
                     WHERE sha256 = :sha AND id < :id ORDER BY id LIMIT 1
                    """).param("sha", f.sha()).param("id", f.id())
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional()
                    .filter(first -> first[1] != item)
                    .ifPresent(first -> cards.raise(new RedCardStore.NewCard(RedCardKind.SAME_EVIDENCE, item,
                            "sha:" + f.sha(), first[1], f.id(), first[0], f.sha(), progress, null, null, null, null,
                            null, null)));
        }
    }

    private void copiedProgress(long item, long progress) {
        List<Long> keys = jdbc.sql("SELECT band_key FROM rectification_progress_band WHERE progress_id = :p")
                .param("p", progress).query(Long.class).list();
        if (keys.isEmpty()) {
            return;
        }
        String text = jdbc.sql("SELECT progress_text FROM rectification_progress WHERE id = :p").param("p", progress)
                .query(String.class).single();
        List<Long> candidates = jdbc.sql("""
                SELECT DISTINCT progress_id FROM rectification_progress_band
                 WHERE band_key IN (:keys) AND item_id <> :item AND progress_id < :p
                 ORDER BY progress_id DESC LIMIT :limit
                """).param("keys", keys).param("item", item).param("p", progress).param("limit", CANDIDATES)
                .query(Long.class).list();
        if (candidates.isEmpty()) {
            return;
        }
        record Match(long progress, double similarity) {
        }
        Map<Long, Match> best = new HashMap<>();
        jdbc.sql("SELECT id, item_id, progress_text FROM rectification_progress WHERE id IN (:ids) ORDER BY id")
                .param("ids", candidates).query(rs -> {
                    double s = ProgressFingerprint.similarity(text, rs.getString(3));
                    if (s >= ProgressFingerprint.THRESHOLD) {
                        Match was = best.get(rs.getLong(2));
                        if (was == null || s > was.similarity()) {
                            best.put(rs.getLong(2), new Match(rs.getLong(1), s));
                        }
                    }
                });
        best.forEach((other, m) -> cards.raise(new RedCardStore.NewCard(RedCardKind.COPIED_PROGRESS, item,
                "item:" + other, other, null, null, null, progress, m.progress(), permille(m.similarity()), null,
                null, null, null)));
    }

    static int permille(double similarity) {
        return (int) Math.floor(similarity * 1000 + 1e-9);
    }
}
