package org.xuncha.rectification.ledger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.rectification.ItemStatus;
import org.xuncha.rectification.internal.LedgerScope;

/**
 * SQL of the ledger: the items of APPROVED plans under {@link LedgerScope} (every read of an item filters the scope
 * in the query), their moves, progress reports and evidence. {@code rectification_item_move},
 * {@code rectification_progress} and {@code rectification_evidence} are only ever inserted into; an item changes
 * only through {@link #update}, at the row version the caller read.
 */
@Repository
class LedgerRepository {

    /** Items the ledger holds: those of approved plans (drafts and plans under review are the plan's business). */
    private static final String FROM = " " + """
             FROM rectification_item i
             JOIN rectification_plan p ON p.id = i.plan_id
             JOIN rectification_feedback_item fi ON fi.id = i.feedback_item_id
             LEFT JOIN party_organization_view o ON o.id = i.organization_id
             LEFT JOIN inspection_body_view b ON b.id = i.body_id
             LEFT JOIN inspection_scope_view s ON s.id = i.inspection_id
             WHERE p.status = 'APPROVED' AND""";

    /** Not 已销号 and not 不能整改: the item's is_open, which V8_51's CHECK keeps equal to {@link ItemStatus#open}. */
    private static final String OPEN = " i.is_open = TRUE";

    private final JdbcClient jdbc;

    LedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A ledger row with what its page needs; {@code forTarget}: the caller is the TARGET of its organization,
     * {@code forOffice}: the caller is the office of its body.
     */
    record Item(long id, long planId, int position, long organizationId, String organizationName, long bodyId,
                String bodyName, long inspectionId, String teamName, String heading, String wording, String goal,
                String measures, String leaderName, String department, String handlerName, LocalDate dueOn,
                String mechanism, ItemStatus status, LocalDate nextCheckOn, LocalDate signedOffOn,
                String signedOffByName, String signOffOpinion, String signOffParticipants, String moveReason,
                String milestones, String longTermOwner, int rowVersion, String latestProgress, int evidenceCount,
                boolean forTarget, boolean forOffice, LocalDate warnGreenOn, LocalDate warnYellowOn) {

        public DeadlineBand band(LocalDate today) {
            return status.open() ? DeadlineBand.of(dueOn, today) : null;
        }

        /** The item's warning on {@code today}, null for none. */
        public WarningLevel warning(LocalDate today) {
            return WarningLevel.of(status.open(), dueOn, warnGreenOn, warnYellowOn, today);
        }

        /** Whom today's warning is addressed to; empty without a warning. */
        public List<String> warningRecipients(LocalDate today) {
            WarningLevel w = warning(today);
            return w == null ? List.of() : w.recipients(handlerName, leaderName, department, organizationName);
        }

        /** The mark's title: the level and its recipients (发送对象). */
        public String warningTitle(LocalDate today) {
            WarningLevel w = warning(today);
            return w == null ? "" : w.label() + "：发送" + String.join("、", warningRecipients(today));
        }

        /** The day the red warning starts (the day after the deadline). */
        public LocalDate warnRedOn() {
            return dueOn.plusDays(1);
        }

        /** 销号情况 as the ledger writes it. */
        public String signOffShown() {
            if (status == ItemStatus.SIGNED_OFF) {
                return "已销号（" + signedOffOn + "）";
            }
            return status.label();
        }
    }

    private static String columns(DataScope scope) {
        return "SELECT i.id, i.plan_id, i.position, i.organization_id, o.name, i.body_id, b.name, i.inspection_id,"
                + " s.team_name, fi.heading_label, fi.wording, i.goal, i.measures, i.leader_name, i.department,"
                + " i.handler_name, i.due_on, i.mechanism, i.status, i.next_check_on, i.signed_off_on,"
                + " i.signed_off_by_name, i.sign_off_opinion, i.sign_off_participants, i.move_reason, i.milestones,"
                + " i.long_term_owner, i.row_version,"
                + " (SELECT pr.progress_text FROM rectification_progress pr WHERE pr.id = (SELECT max(pr2.id)"
                + " FROM rectification_progress pr2 WHERE pr2.item_id = i.id)),"
                + " (SELECT count(*) FROM rectification_evidence e WHERE e.item_id = i.id),"
                + " CASE WHEN" + LedgerScope.targetWritable(scope, "i") + " THEN 1 ELSE 0 END,"
                + " CASE WHEN" + LedgerScope.officeWritable(scope, "i") + " THEN 1 ELSE 0 END,"
                + " i.warn_green_on, i.warn_yellow_on";
    }

    private static Item item(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Item(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getString(5), rs.getLong(6),
                rs.getString(7), rs.getLong(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16),
                rs.getObject(17, LocalDate.class), rs.getString(18), ItemStatus.valueOf(rs.getString(19)),
                rs.getObject(20, LocalDate.class), rs.getObject(21, LocalDate.class), rs.getString(22),
                rs.getString(23), rs.getString(24), rs.getString(25), rs.getString(26), rs.getString(27),
                rs.getInt(28), rs.getString(29), rs.getInt(30), rs.getInt(31) == 1, rs.getInt(32) == 1,
                rs.getObject(33, LocalDate.class), rs.getObject(34, LocalDate.class));
    }

    Optional<Item> item(long id, DataScope scope) {
        return LedgerScope.bind(jdbc.sql(columns(scope) + FROM + " i.id = :id AND" + LedgerScope.readable(scope, "i")),
                scope).param("id", id).query((rs, n) -> item(rs)).optional();
    }

    Optional<Integer> rowVersion(long itemId) {
        return jdbc.sql("SELECT row_version FROM rectification_item WHERE id = :id").param("id", itemId)
                .query(Integer.class).optional();
    }

    /** One page of the ledger in the caller's scope, by deadline (then plan and 序号). */
    ResultPage<Item> page(DataScope scope, LedgerFilter filter, LocalDate today, int page, int size) {
        return page(scope, filter, today, page, size, Long.MAX_VALUE);
    }

    /**
     * As {@link #page(DataScope, LedgerFilter, LocalDate, int, int)}, counting at most {@code countCap} + 1 rows: a
     * total above the cap means "more than the cap". A province office's unfiltered ledger holds millions of items;
     * counting them all on every page costs more than the page itself.
     */
    ResultPage<Item> page(DataScope scope, LedgerFilter filter, LocalDate today, int page, int size, long countCap) {
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, filter, today, params);
        String count = countCap == Long.MAX_VALUE ? "SELECT count(*)" + FROM + where
                : "SELECT count(*) FROM (SELECT 1" + FROM + where + " LIMIT " + (countCap + 1) + ") capped";
        long total = LedgerScope.bind(jdbc.sql(count), scope).params(params).query(Long.class).single();
        List<Item> rows = LedgerScope.bind(jdbc.sql(columns(scope) + FROM + where
                        + " ORDER BY i.due_on, i.plan_id, i.position, i.id LIMIT :limit OFFSET :offset"), scope)
                .params(params).param("limit", size).param("offset", ResultPage.offset(page, size))
                .query((rs, n) -> item(rs)).list();
        return new ResultPage<>(rows, page, size, total);
    }

    private static String where(DataScope scope, LedgerFilter f, LocalDate today, Map<String, Object> params) {
        StringBuilder w = new StringBuilder(LedgerScope.readable(scope, "i"));
        if (f.organization() != null) {
            w.append(" AND i.organization_id = :organization");
            params.put("organization", f.organization());
        }
        if (f.body() != null) {
            w.append(" AND i.body_id = :body");
            params.put("body", f.body());
        }
        if (f.inspection() != null) {
            w.append(" AND i.inspection_id = :inspection");
            params.put("inspection", f.inspection());
        }
        if (f.status() != null) {
            w.append(" AND i.status = :status");
            params.put("status", f.status().name());
        }
        /*
         * Bands and warnings concern open items only. A chosen status already decides openness: repeating is_open
         * beside it made PostgreSQL's planner multiply two correlated selectivities and pick a bitmap scan over the
         * (body, status, due) index that read far more rows than the page (29 ms at province scale). A closed
         * status with a band or a warning is empty by definition.
         */
        String open = f.status() == null ? " AND" + OPEN : f.status().open() ? "" : " AND 1 = 0";
        if (f.band() != null) {
            w.append(open).append(" AND ").append(f.band().sql("i.due_on"));
            params.put("today", today);
            params.put("plus10", today.plusDays(10));
            params.put("plus20", today.plusDays(20));
        }
        if (f.warning() != null) {
            w.append(f.band() != null ? "" : open).append(" AND").append(f.warning().sql());
            params.put("today", today);
        }
        if (f.redCard()) {
            w.append(" AND").append(org.xuncha.rectification.internal.RedCardStore.hasConfirmedCard("i"));
        }
        return w.toString();
    }

    record Option(long id, String name) {
    }

    /*
     * The filter's choices come from the approved plans (one row per organization and inspection), never from the
     * items: at province scale a DISTINCT over the items is a scan of millions of rows on every page. Organizations
     * and inspections are listed for one body at a time (the chosen one, or the caller's only one): a province
     * office reads tens of thousands of organizations, which no select list can offer.
     */
    private static final String PLANS = " FROM rectification_plan p WHERE p.status = 'APPROVED' AND";

    /** The organizations of approved plans the caller reads, of {@code body} when given, by name. */
    List<Option> organizations(DataScope scope, Long body) {
        return LedgerScope.bind(jdbc.sql("SELECT o.id, o.name FROM party_organization_view o WHERE o.id IN"
                + " (SELECT p.organization_id" + PLANS + LedgerScope.readable(scope, "p") + bodyIs(body) + ")"
                + " ORDER BY o.name, o.id"), scope).param("body", body == null ? -1L : body)
                .query((rs, n) -> new Option(rs.getLong(1), rs.getString(2))).list();
    }

    /**
     * The bodies the caller may filter by: those it reads as office, leading group, 纪委监委 or 组织部 (a list of at
     * most the province's bodies, by id), and the bodies of the approved plans it reads otherwise (TARGET, team).
     */
    List<Option> bodies(DataScope scope) {
        boolean byBody = scope.hasAny(org.xuncha.common.Role.OFFICE, org.xuncha.common.Role.LEADER,
                org.xuncha.common.Role.DISCIPLINE, org.xuncha.common.Role.ORG_DEPT)
                && !scope.has(org.xuncha.common.Role.TARGET);
        String which = byBody ? " b.id IN (:readable)"
                : " b.id IN (SELECT p.body_id" + PLANS + LedgerScope.readable(scope, "p") + ")";
        return LedgerScope.bind(jdbc.sql("SELECT b.id, b.name FROM inspection_body_view b WHERE" + which
                + " ORDER BY b.id"), scope).query((rs, n) -> new Option(rs.getLong(1), rs.getString(2))).list();
    }

    /** The inspections of approved plans the caller reads, of {@code body} when given, by team name. */
    List<Option> inspections(DataScope scope, Long body) {
        return LedgerScope.bind(jdbc.sql("SELECT s.id, s.team_name FROM inspection_scope_view s WHERE s.id IN"
                + " (SELECT p.inspection_id" + PLANS + LedgerScope.readable(scope, "p") + bodyIs(body) + ")"
                + " ORDER BY s.id"), scope).param("body", body == null ? -1L : body)
                .query((rs, n) -> new Option(rs.getLong(1), rs.getString(2))).list();
    }

    /** The one body whose approved plans of {@code organization} the caller reads, if there is exactly one. */
    Optional<Long> bodyOf(DataScope scope, long organization) {
        List<Long> bodies = LedgerScope.bind(jdbc.sql("SELECT DISTINCT p.body_id" + PLANS
                + LedgerScope.readable(scope, "p") + " AND p.organization_id = :o"), scope).param("o", organization)
                .query(Long.class).list();
        return bodies.size() == 1 ? Optional.of(bodies.get(0)) : Optional.empty();
    }

    private static String bodyIs(Long body) {
        return body == null ? "" : " AND p.body_id = :body";
    }

    // ---- moves ----------------------------------------------------------------------------------------------

    /** The columns of an item that moves change. */
    record State(ItemStatus status, String moveReason, String milestones, LocalDate nextCheckOn,
                 String longTermOwner, LocalDate signedOffOn, Long signedOffBy, String signedOffByName,
                 String signOffOpinion, String signOffParticipants) {

        static State of(Item i, Long signedOffBy) {
            return new State(i.status(), i.moveReason(), i.milestones(), i.nextCheckOn(), i.longTermOwner(),
                    i.signedOffOn(), signedOffBy, i.signedOffByName(), i.signOffOpinion(), i.signOffParticipants());
        }
    }

    /** Writes the item's new state if nobody changed it since {@code rowVersion}; false when someone did. */
    boolean update(long id, int rowVersion, State s, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE rectification_item SET status = :status, is_open = :open, move_reason = :reason,
                       milestones = :milestones,
                       next_check_on = :nextCheck, long_term_owner = :owner, signed_off_on = :signedOn,
                       signed_off_by = :signedBy, signed_off_by_name = :signedName, sign_off_opinion = :opinion,
                       sign_off_participants = :participants, row_version = row_version + 1, updated_at = :now
                WHERE id = :id AND row_version = :v
                """).param("status", s.status().name()).param("open", s.status().open()).param("reason", s.moveReason())
                .param("milestones", s.milestones()).param("nextCheck", s.nextCheckOn())
                .param("owner", s.longTermOwner()).param("signedOn", s.signedOffOn())
                .param("signedBy", s.signedOffBy(), java.sql.Types.BIGINT).param("signedName", s.signedOffByName())
                .param("opinion", s.signOffOpinion()).param("participants", s.signOffParticipants())
                .param("now", now).param("id", id).param("v", rowVersion).update() == 1;
    }

    Long signedOffBy(long id) {
        return jdbc.sql("SELECT signed_off_by FROM rectification_item WHERE id = :id").param("id", id)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1) == null ? null : rs.getLong(1)))
                .single().orElse(null);
    }

    /** One row of an item's history. */
    record MoveRow(long id, String code, ItemStatus from, ItemStatus to, String reason, String milestones,
                   LocalDate nextCheckOn, String longTermOwner, String participants, LocalDate decidedOn,
                   int rowVersion, String movedByName, OffsetDateTime movedAt) {

        public String label() {
            return "PROGRESS".equals(code) ? "报送整改进展" : ItemStatus.moveLabel(code);
        }
    }

    long insertMove(long itemId, MoveRow m, long userId) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO rectification_item_move (item_id, move_code, from_status, to_status, reason, milestones,
                                                     next_check_on, long_term_owner, participants, decided_on,
                                                     row_version, moved_by, moved_by_name, moved_at)
                VALUES (:item, :code, :from, :to, :reason, :milestones, :nextCheck, :owner, :participants, :on,
                        :v, :u, :name, :at)
                """).param("item", itemId).param("code", m.code()).param("from", m.from().name())
                .param("to", m.to().name()).param("reason", m.reason()).param("milestones", m.milestones())
                .param("nextCheck", m.nextCheckOn()).param("owner", m.longTermOwner())
                .param("participants", m.participants()).param("on", m.decidedOn()).param("v", m.rowVersion())
                .param("u", userId).param("name", m.movedByName()).param("at", m.movedAt()).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The history of an item the caller has read, oldest first. */
    List<MoveRow> moves(long itemId) {
        return jdbc.sql("""
                SELECT id, move_code, from_status, to_status, reason, milestones, next_check_on, long_term_owner,
                       participants, decided_on, row_version, moved_by_name, moved_at
                FROM rectification_item_move WHERE item_id = :item ORDER BY id
                """).param("item", itemId)
                .query((rs, n) -> new MoveRow(rs.getLong(1), rs.getString(2), ItemStatus.valueOf(rs.getString(3)),
                        ItemStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                        rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9),
                        rs.getObject(10, LocalDate.class), rs.getInt(11), rs.getString(12),
                        rs.getObject(13, OffsetDateTime.class)))
                .list();
    }

    // ---- progress and evidence -----------------------------------------------------------------------------

    record Progress(long id, LocalDate reportedOn, String text, long moneyReturnedFen, long lossRetrievedFen,
                    String reportedByName, OffsetDateTime reportedAt, List<Evidence> evidence) {

        public String moneyShown() {
            return org.xuncha.rectification.RectificationCounts.money(moneyReturnedFen);
        }

        public String lossShown() {
            return org.xuncha.rectification.RectificationCounts.money(lossRetrievedFen);
        }
    }

    record Evidence(long id, long progressId, EvidenceKind kind, String title, String fileName, String contentType,
                    long sizeBytes, String sha256) {
    }

    record EvidenceFile(String fileName, String contentType, byte[] content) {
    }

    long insertProgress(long itemId, LocalDate on, String text, long money, long loss, long userId, String name,
                        OffsetDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO rectification_progress (item_id, reported_on, progress_text, money_returned_fen,
                                                    loss_retrieved_fen, reported_by, reported_by_name, reported_at)
                VALUES (:item, :on, :text, :money, :loss, :u, :name, :now)
                """).param("item", itemId).param("on", on).param("text", text).param("money", money)
                .param("loss", loss).param("u", userId).param("name", name).param("now", now).update(keys, "id");
        return keys.getKey().longValue();
    }

    long insertEvidence(long progressId, long itemId, EvidenceKind kind, String title, String fileName,
                        String contentType, byte[] content, String sha256, OffsetDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO rectification_evidence (progress_id, item_id, kind, title, file_name, content_type,
                                                    size_bytes, sha256, content, uploaded_at)
                VALUES (:progress, :item, :kind, :title, :file, :type, :size, :sha, :content, :now)
                """).param("progress", progressId).param("item", itemId).param("kind", kind.name())
                .param("title", title).param("file", fileName).param("type", contentType)
                .param("size", (long) content.length).param("sha", sha256).param("content", content)
                .param("now", now).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The MinHash band keys of a progress row (ProgressFingerprint), the candidate filter of 整改进展雷同. */
    void insertBands(long progressId, long itemId, List<Long> keys) {
        for (Long k : keys) {
            jdbc.sql("INSERT INTO rectification_progress_band (progress_id, item_id, band_key) VALUES (:p, :i, :k)")
                    .param("p", progressId).param("i", itemId).param("k", k).update();
        }
    }

    /** The progress reports of an item the caller has read, newest first, each with its evidence. */
    List<Progress> progress(long itemId) {
        Map<Long, List<Evidence>> files = new HashMap<>();
        for (Evidence e : evidence(List.of(itemId))) {
            files.computeIfAbsent(e.progressId(), k -> new ArrayList<>()).add(e);
        }
        return jdbc.sql("""
                SELECT id, reported_on, progress_text, money_returned_fen, loss_retrieved_fen, reported_by_name,
                       reported_at
                FROM rectification_progress WHERE item_id = :item ORDER BY id DESC
                """).param("item", itemId)
                .query((rs, n) -> new Progress(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getLong(4), rs.getLong(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class),
                        files.getOrDefault(rs.getLong(1), List.of())))
                .list();
    }

    /** The evidence (without content) of items the caller has read, in upload order. */
    List<Evidence> evidence(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, progress_id, kind, title, file_name, content_type, size_bytes, sha256, item_id
                FROM rectification_evidence WHERE item_id IN (:items) ORDER BY id
                """).param("items", itemIds)
                .query((rs, n) -> new Evidence(rs.getLong(1), rs.getLong(2), EvidenceKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8)))
                .list();
    }

    /** Evidence titles of the items, per item, for the ledger's 佐证材料 column. */
    Map<Long, List<String>> evidenceTitles(Collection<Long> itemIds) {
        Map<Long, List<String>> titles = new HashMap<>();
        if (itemIds.isEmpty()) {
            return titles;
        }
        jdbc.sql("SELECT item_id, kind, title FROM rectification_evidence WHERE item_id IN (:items) ORDER BY id")
                .param("items", itemIds).query(rs -> {
                    titles.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(EvidenceKind.valueOf(rs.getString(2)).label() + "：" + rs.getString(3));
                });
        return titles;
    }

    /** One evidence file of an item the caller has read. */
    Optional<EvidenceFile> evidenceFile(long itemId, long fileId) {
        return jdbc.sql("SELECT file_name, content_type, content FROM rectification_evidence WHERE id = :f AND item_id = :i")
                .param("f", fileId).param("i", itemId)
                .query((rs, n) -> new EvidenceFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    // ---- 待办 ------------------------------------------------------------------------------------------------

    /** Items of the caller's writable body in {@code status} (the office's sign-off and 不能整改 requests). */
    long officeCount(DataScope scope, ItemStatus status) {
        return LedgerScope.bind(jdbc.sql("SELECT count(*)" + FROM + LedgerScope.officeWritable(scope, "i")
                + " AND i.status = :s"), scope).param("s", status.name()).query(Long.class).single();
    }

    record DueCounts(long dueSoon, long overdue, long returned) {
    }

    /**
     * The TARGET's items still to be worked on (未开始, 整改中, 持续整改, 二次整改) due within 10 days or overdue, and those
     * sent back to it (退回, 不同意不能整改, 二次整改: a move reason stands on an item in work).
     */
    DueCounts targetCounts(DataScope scope, LocalDate today) {
        String working = " i.status IN ('NOT_STARTED', 'IN_PROGRESS', 'LONG_TERM', 'REOPENED')";
        return LedgerScope.bind(jdbc.sql("SELECT"
                        + " coalesce(sum(CASE WHEN" + working + " AND i.due_on <= :plus10 THEN 1 ELSE 0 END), 0),"
                        + " coalesce(sum(CASE WHEN" + working + " AND i.due_on < :today THEN 1 ELSE 0 END), 0),"
                        + " coalesce(sum(CASE WHEN i.status IN ('IN_PROGRESS', 'REOPENED') AND i.move_reason IS NOT NULL"
                        + " THEN 1 ELSE 0 END), 0)" + FROM + LedgerScope.targetWritable(scope, "i")), scope)
                .param("today", today).param("plus10", today.plusDays(10))
                .query((rs, n) -> new DueCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    record WarningCounts(long green, long yellow, long red) {
    }

    /**
     * The open items of {@code where} (a scope clause on alias i: the TARGET's own organization, the office's
     * writable body) per warning level today, by the same conditions as the ledger's filter.
     */
    WarningCounts warningCounts(DataScope scope, String where, LocalDate today) {
        return LedgerScope.bind(jdbc.sql("SELECT"
                        + " coalesce(sum(CASE WHEN" + WarningLevel.GREEN.sql() + " THEN 1 ELSE 0 END), 0),"
                        + " coalesce(sum(CASE WHEN" + WarningLevel.YELLOW.sql() + " THEN 1 ELSE 0 END), 0),"
                        + " coalesce(sum(CASE WHEN" + WarningLevel.RED.sql() + " THEN 1 ELSE 0 END), 0)"
                        + FROM + where + " AND" + OPEN), scope)
                .param("today", today)
                .query((rs, n) -> new WarningCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    /** The TARGET's own open items per warning level. */
    WarningCounts targetWarnings(DataScope scope, LocalDate today) {
        return warningCounts(scope, LedgerScope.targetWritable(scope, "i"), today);
    }

    /** The red warnings of the office's own (writable) body. */
    long officeRed(DataScope scope, LocalDate today) {
        return LedgerScope.bind(jdbc.sql("SELECT count(*)" + FROM + LedgerScope.officeWritable(scope, "i") + " AND"
                + OPEN + " AND" + WarningLevel.RED.sql()), scope).param("today", today).query(Long.class).single();
    }
}
