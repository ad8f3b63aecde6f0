package org.xuncha.referral.clock;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;
import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.TransferStatus;
import org.xuncha.referral.internal.ReferralScope;

/**
 * The SQL of reply clocks and 挂牌督办: the bodies' terms, the daily job's updates, the 待办 counts and the
 * supervision rows. Every read of items is filtered by {@link ReferralScope} in its SQL; the job alone works on all
 * items (it runs for no caller). "Overdue" in the reads is the rule itself (due before today, not closed), so a
 * count is right also on a day the job has not run yet; the {@code overdue} column is the job's copy of it.
 */
@Repository
class ClockRepository {

    /** The first day of today's cycle for each cycle, chosen per item by its transferring body's term. */
    static final String CURRENT_PERIOD = " CASE COALESCE(r.progress_cycle, :defaultCycle) WHEN 'BIMONTHLY' THEN :p2"
            + " WHEN 'QUARTERLY' THEN :p3 ELSE :p1 END";
    static final String MISSING = " (t.supervised = TRUE AND t.status <> 'CLOSED' AND NOT EXISTS (SELECT 1 FROM"
            + " transfer_progress p WHERE p.item_id = t.id AND p.period_start =" + CURRENT_PERIOD + "))";

    private final JdbcClient jdbc;

    ClockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ terms

    record TermRow(OfficeReplyTerm term, String updatedByName, OffsetDateTime updatedAt) {
    }

    Optional<TermRow> term(long body) {
        return jdbc.sql("""
                SELECT reply_months, remind_days, progress_cycle, row_version, updated_by_name, updated_at
                FROM referral_reply_term WHERE body_id = :b
                """).param("b", body).query((rs, n) -> new TermRow(new OfficeReplyTerm(rs.getInt(1), rs.getInt(2),
                ProgressCycle.valueOf(rs.getString(3)), rs.getInt(4)), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class))).optional();
    }

    void insertTerm(long body, OfficeReplyTerm term, long user, String name, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO referral_reply_term (body_id, reply_months, remind_days, progress_cycle, row_version,
                                                 updated_by, updated_by_name, updated_at)
                VALUES (:b, :m, :d, :c, 1, :u, :n, :at)
                """).param("b", body).param("m", term.replyMonths()).param("d", term.remindDays())
                .param("c", term.cycle().name()).param("u", user).param("n", name).param("at", at).update();
    }

    int updateTerm(long body, int version, OfficeReplyTerm term, long user, String name, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE referral_reply_term SET reply_months = :m, remind_days = :d, progress_cycle = :c,
                       row_version = row_version + 1, updated_by = :u, updated_by_name = :n, updated_at = :at
                WHERE body_id = :b AND row_version = :v
                """).param("b", body).param("v", version).param("m", term.replyMonths())
                .param("d", term.remindDays()).param("c", term.cycle().name()).param("u", user).param("n", name)
                .param("at", at).update();
    }

    String bodyName(long body) {
        return jdbc.sql("SELECT name FROM inspection_body_view WHERE id = :b").param("b", body)
                .query(String.class).optional().orElse("");
    }

    // ------------------------------------------------------------------ the daily job

    /** Sets the flag on every open item due before {@code today} that lacks it. */
    int setOverdue(LocalDate today) {
        return jdbc.sql("""
                UPDATE transfer_item SET overdue = TRUE
                WHERE overdue = FALSE AND status <> 'CLOSED' AND due_on IS NOT NULL AND due_on < :today
                """).param("today", today).update();
    }

    /** Clears it where it no longer holds: closed, a new due date (转办, signed again), or none. */
    int clearOverdue(LocalDate today) {
        return jdbc.sql("""
                UPDATE transfer_item SET overdue = FALSE
                WHERE overdue = TRUE AND (status = 'CLOSED' OR due_on IS NULL OR due_on >= :today)
                """).param("today", today).update();
    }

    /** One reminder per open item and due date whose reminder day has come and whose due date has not passed. */
    int raiseReminders(LocalDate today) {
        return jdbc.sql("""
                INSERT INTO transfer_reminder (item_id, due_on, raised_on)
                SELECT t.id, t.due_on, :today FROM transfer_item t
                WHERE t.status <> 'CLOSED' AND t.due_on IS NOT NULL AND t.remind_on IS NOT NULL
                  AND t.remind_on <= :today AND t.due_on >= :today
                  AND NOT EXISTS (SELECT 1 FROM transfer_reminder m WHERE m.item_id = t.id AND m.due_on = t.due_on)
                """).param("today", today).update();
    }

    void logRun(ClockRun run, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO referral_clock_run (run_on, ran_at, overdue_set, overdue_cleared, reminders)
                VALUES (:on, :at, :s, :c, :r)
                """).param("on", run.on()).param("at", at).param("s", run.overdueSet())
                .param("c", run.overdueCleared()).param("r", run.reminders()).update();
    }

    Optional<OffsetDateTime> lastRun() {
        return jdbc.sql("SELECT max(ran_at) FROM referral_clock_run").query(OffsetDateTime.class).optional();
    }

    // ------------------------------------------------------------------ 待办

    record Counts(long dueSoon, long overdue, long progressMissing) {
    }

    /** Open items in {@code clause}: in their reminder days, overdue, and supervised without this cycle's report. */
    Counts counts(String clause, DataScope scope, LocalDate today) {
        return periods(ReferralScope.bind(jdbc.sql("""
                SELECT COALESCE(SUM(CASE WHEN t.remind_on <= :today AND t.due_on >= :today THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN t.due_on < :today THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN""" + MISSING + """
                 THEN 1 ELSE 0 END), 0)
                FROM transfer_item t LEFT JOIN referral_reply_term r ON r.body_id = t.body_id
                WHERE t.status <> 'CLOSED' AND""" + clause), scope), today)
                .param("today", today)
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    private static JdbcClient.StatementSpec periods(JdbcClient.StatementSpec spec, LocalDate today) {
        return spec.param("defaultCycle", ProgressCycle.MONTHLY.name())
                .param("p1", ProgressCycle.MONTHLY.periodStart(today))
                .param("p2", ProgressCycle.BIMONTHLY.periodStart(today))
                .param("p3", ProgressCycle.QUARTERLY.periodStart(today));
    }

    // ------------------------------------------------------------------ 挂牌督办

    private static final String ITEM_COLUMNS = """
            SELECT t.id, t.body_id, t.title, t.receiver_kind, t.receiver_department, t.status, t.signed_at,
                   t.due_on, t.remind_on, t.supervised, t.supervised_since, t.row_version,
                   COALESCE(r.progress_cycle, :defaultCycle) AS cycle,
                   CASE WHEN t.status <> 'CLOSED' AND t.due_on < :today THEN TRUE ELSE FALSE END AS late,
                   CASE WHEN""" + MISSING + " THEN TRUE ELSE FALSE END AS missing\n"
            + "FROM transfer_item t LEFT JOIN referral_reply_term r ON r.body_id = t.body_id\n";

    private static ClockItem item(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ClockItem(rs.getLong("id"), rs.getLong("body_id"), rs.getString("title"),
                ReceiverKind.valueOf(rs.getString("receiver_kind")), rs.getString("receiver_department"),
                TransferStatus.valueOf(rs.getString("status")), rs.getObject("signed_at", OffsetDateTime.class),
                rs.getObject("due_on", LocalDate.class), rs.getObject("remind_on", LocalDate.class),
                rs.getBoolean("late"), rs.getBoolean("supervised"),
                rs.getObject("supervised_since", LocalDate.class), rs.getInt("row_version"),
                ProgressCycle.valueOf(rs.getString("cycle")), rs.getBoolean("missing"), null);
    }

    /** The item, if the caller reads it. */
    Optional<ClockItem> item(DataScope scope, long id, LocalDate today) {
        return periods(ReferralScope.bind(jdbc.sql(ITEM_COLUMNS + "WHERE t.id = :id AND"
                + ReferralScope.readable(scope, "t")), scope), today).param("id", id).param("today", today)
                .query((rs, n) -> item(rs)).optional();
    }

    /** Whether the item is in the clause (officeWritable, received) for the caller. */
    boolean in(DataScope scope, long id, String clause) {
        return ReferralScope.bind(jdbc.sql("SELECT count(*) FROM transfer_item t WHERE t.id = :id AND" + clause),
                scope).param("id", id).query(Long.class).single() > 0;
    }

    long countSupervised(DataScope scope) {
        return ReferralScope.bind(jdbc.sql("SELECT count(*) FROM transfer_item t WHERE t.supervised = TRUE AND"
                + ReferralScope.readable(scope, "t")), scope).query(Long.class).single();
    }

    /** Supervised items the caller reads, those missing this cycle's report first, then by due date. */
    List<ClockItem> supervised(DataScope scope, LocalDate today, int page, int size) {
        List<ClockItem> rows = periods(ReferralScope.bind(jdbc.sql(ITEM_COLUMNS + "WHERE t.supervised = TRUE AND"
                + ReferralScope.readable(scope, "t")
                + " ORDER BY missing DESC, t.due_on, t.id LIMIT :size OFFSET :offset"), scope), today)
                .param("today", today).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> item(rs)).list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, ProgressEntry> last = new LinkedHashMap<>();
        for (ProgressEntry p : progress(rows.stream().map(ClockItem::id).toList())) {
            last.putIfAbsent(p.itemId(), p);
        }
        return rows.stream().map(r -> r.withLastProgress(last.get(r.id()))).toList();
    }

    /** Open, unsupervised items of the office's own body: what it may mark. */
    List<ClockItem> markable(DataScope scope, LocalDate today, int limit) {
        return periods(ReferralScope.bind(jdbc.sql(ITEM_COLUMNS + "WHERE t.supervised = FALSE AND t.status <> 'CLOSED'"
                + " AND" + ReferralScope.officeWritable(scope, "t") + " ORDER BY t.id DESC LIMIT :limit"), scope), today)
                .param("today", today).param("limit", limit).query((rs, n) -> item(rs)).list();
    }

    /** Progress reports of the items, newest first (ids from a scoped read). */
    List<ProgressEntry> progress(List<Long> items) {
        return jdbc.sql("""
                SELECT id, item_id, period_start, revision, progress, by_name, at_time FROM transfer_progress
                WHERE item_id IN (:items) ORDER BY at_time DESC, id DESC
                """).param("items", items).query((rs, n) -> new ProgressEntry(rs.getLong(1), rs.getLong(2),
                rs.getObject(3, LocalDate.class), rs.getInt(4), rs.getString(5), rs.getString(6),
                rs.getObject(7, OffsetDateTime.class))).list();
    }

    record Mark(boolean marked, String reason, String byName, OffsetDateTime at) {
    }

    List<Mark> marks(long item) {
        return jdbc.sql("""
                SELECT marked, reason, by_name, at_time FROM transfer_supervision WHERE item_id = :i
                ORDER BY at_time DESC, id DESC
                """).param("i", item).query((rs, n) -> new Mark(rs.getBoolean(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class))).list();
    }

    int setSupervised(long item, int version, boolean supervised, LocalDate since, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE transfer_item SET supervised = :s, supervised_since = :since, row_version = row_version + 1,
                       updated_at = :at
                WHERE id = :id AND row_version = :v AND supervised = :was AND status <> 'CLOSED'
                """).param("s", supervised).param("since", since).param("at", at).param("id", item)
                .param("v", version).param("was", !supervised).update();
    }

    void insertMark(long item, boolean marked, String reason, long user, String name, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO transfer_supervision (item_id, marked, reason, by_user, by_name, at_time)
                VALUES (:i, :m, :r, :u, :n, :at)
                """).param("i", item).param("m", marked).param("r", reason).param("u", user).param("n", name)
                .param("at", at).update();
    }

    int lastRevision(long item, LocalDate period) {
        return jdbc.sql("SELECT COALESCE(max(revision), 0) FROM transfer_progress WHERE item_id = :i AND period_start = :p")
                .param("i", item).param("p", period).query(Integer.class).single();
    }

    void insertProgress(long item, LocalDate period, int revision, String text, long user, String name,
                        OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO transfer_progress (item_id, period_start, revision, progress, by_user, by_name, at_time)
                VALUES (:i, :p, :rev, :t, :u, :n, :at)
                """).param("i", item).param("p", period).param("rev", revision).param("t", text).param("u", user)
                .param("n", name).param("at", at).update();
    }
}
