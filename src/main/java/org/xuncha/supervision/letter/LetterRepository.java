package org.xuncha.supervision.letter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.supervision.LetterKind;
import org.xuncha.supervision.LetterStatus;

/**
 * The letter tables (V8_54). Every read of a letter is filtered in SQL by {@link SupervisionScope}, and for the
 * TARGET also by status (never a draft); every change is an UPDATE at the row version read, so a concurrent edit
 * changes nothing and the service says so.
 */
@Repository
class LetterRepository {

    private static final String COLUMNS = """
            SELECT l.id, l.body_id, l.organization_id, l.kind, l.status, l.letter_no, l.title, l.content,
                   l.answer_working_days, l.answer_due_on, l.delivered_on, l.signed_on, l.signed_by_name, l.answer_text,
                   l.answered_on, l.attachment_name, l.settled_on, l.returned_reason, l.return_count, l.row_version,
                   l.created_at, o.name AS organization_name, b.name AS body_name, b.office_name
            FROM supervision_letter l
            LEFT JOIN party_organization_view o ON o.id = l.organization_id
            LEFT JOIN inspection_body_view b ON b.id = l.body_id
            WHERE""";

    private final JdbcClient jdbc;
    private final TransactionTemplate alone;

    LetterRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.alone = new TransactionTemplate(transactions);
        this.alone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    record Letter(long id, long bodyId, long organizationId, LetterKind kind, LetterStatus status, String letterNo,
                  String title, String content, int answerWorkingDays, LocalDate answerDueOn, LocalDate deliveredOn,
                  LocalDate signedOn, String signedByName, String answerText, LocalDate answeredOn,
                  String attachmentName, LocalDate settledOn, String returnedReason, int returnCount, int rowVersion,
                  OffsetDateTime createdAt, String organizationName, String bodyName, String officeName) {

        public boolean overdueOn(LocalDate today) {
            return status.awaitsAnswer() && answerDueOn != null && answerDueOn.isBefore(today);
        }

        public String issuer() {
            return officeName != null && !officeName.isBlank() ? officeName : bodyName == null ? "" : bodyName;
        }
    }

    record LetterItem(int position, long itemId, String itemLabel, String statusLabel, LocalDate dueOn,
                      String conditionLabel) {
    }

    record Organization(long id, String name, long bodyId, String bodyName) {
    }

    record Filter(LetterKind kind, LetterStatus status, Long organization, boolean overdue) {
    }

    /** The organization with its body, if it exists (no scope: the service checks the body against the caller's). */
    Optional<Organization> organization(long id) {
        return jdbc.sql("""
                SELECT o.id, o.name, o.body_id, b.name FROM party_organization_view o
                LEFT JOIN inspection_body_view b ON b.id = o.body_id WHERE o.id = :id
                """).param("id", id).query((rs, n) -> new Organization(rs.getLong(1), rs.getString(2),
                rs.getLong(3), rs.getString(4))).optional();
    }

    /** The organizations the office may write letters for: those of its writable body, by name. */
    List<Organization> writableOrganizations(DataScope scope) {
        if (!SupervisionScope.writesAsOffice(scope)) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT o.id, o.name, o.body_id, b.name FROM party_organization_view o
                LEFT JOIN inspection_body_view b ON b.id = o.body_id
                WHERE o.body_id IN (:writable) AND o.active = TRUE ORDER BY o.name, o.id
                """).param("writable", scope.writableBodyIds()).query((rs, n) -> new Organization(rs.getLong(1),
                rs.getString(2), rs.getLong(3), rs.getString(4))).list();
    }

    // ---- numbering ---------------------------------------------------------------------------------------------

    /**
     * The next number of a body in a year, without gaps (referral's transfer counter's mechanism): the counter row
     * is created at 0 in a transaction of its own, so a concurrent first insert that loses on the key does not abort
     * the caller's; the UPDATE then holds the row lock until the caller commits or rolls back (a rolled-back draft
     * gives its number back).
     */
    int nextSeq(long bodyId, int year) {
        boolean exists = jdbc.sql("SELECT count(*) FROM supervision_letter_counter WHERE body_id = :b AND letter_year = :y")
                .param("b", bodyId).param("y", year).query(Long.class).single() > 0;
        if (!exists) {
            alone.executeWithoutResult(status -> {
                try {
                    jdbc.sql("INSERT INTO supervision_letter_counter (body_id, letter_year, last_seq) VALUES (:b, :y, 0)")
                            .param("b", bodyId).param("y", year).update();
                } catch (DuplicateKeyException raced) {
                    status.setRollbackOnly(); // another draft created it first: the UPDATE below waits its turn
                }
            });
        }
        int changed = jdbc.sql("UPDATE supervision_letter_counter SET last_seq = last_seq + 1"
                        + " WHERE body_id = :b AND letter_year = :y").param("b", bodyId).param("y", year).update();
        if (changed != 1) {
            throw new IllegalStateException("letter counter of body " + bodyId + " for " + year);
        }
        return jdbc.sql("SELECT last_seq FROM supervision_letter_counter WHERE body_id = :b AND letter_year = :y")
                .param("b", bodyId).param("y", year).query(Integer.class).single();
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    private static String visible(DataScope scope) {
        return SupervisionScope.readable(scope, "l") + (scope.has(org.xuncha.common.Role.TARGET)
                ? " AND l.status <> 'DRAFT'" : "");
    }

    Optional<Letter> find(DataScope scope, long id) {
        return SupervisionScope.bind(jdbc.sql(COLUMNS + " l.id = :id AND" + visible(scope)), scope).param("id", id)
                .query(LetterRepository::letter).optional();
    }

    boolean officeWrites(DataScope scope, long id) {
        return SupervisionScope.bind(jdbc.sql("SELECT count(*) FROM supervision_letter l WHERE l.id = :id AND"
                + SupervisionScope.officeWritable(scope, "l")), scope).param("id", id).query(Long.class).single() > 0;
    }

    boolean targetOwns(DataScope scope, long id) {
        return SupervisionScope.bind(jdbc.sql("SELECT count(*) FROM supervision_letter l WHERE l.id = :id"
                + " AND l.status <> 'DRAFT' AND" + SupervisionScope.targetWritable(scope, "l")), scope)
                .param("id", id).query(Long.class).single() > 0;
    }

    ResultPage<Letter> page(DataScope scope, Filter f, LocalDate today, int page, int size) {
        StringBuilder where = new StringBuilder(visible(scope));
        if (f.kind() != null) {
            where.append(" AND l.kind = :kind");
        }
        if (f.status() != null) {
            where.append(" AND l.status = :status");
        }
        if (f.organization() != null) {
            where.append(" AND l.organization_id = :org");
        }
        if (f.overdue()) {
            where.append(" AND l.status IN ('DELIVERED', 'SIGNED') AND l.answer_due_on < :today");
        }
        long total = params(SupervisionScope.bind(jdbc.sql("SELECT count(*) FROM supervision_letter l WHERE" + where),
                scope), f, today).query(Long.class).single();
        List<Letter> items = params(SupervisionScope.bind(jdbc.sql(COLUMNS + where
                + " ORDER BY l.created_at DESC, l.id DESC LIMIT :limit OFFSET :offset"), scope), f, today)
                .param("limit", size).param("offset", ResultPage.offset(page, size))
                .query(LetterRepository::letter).list();
        return new ResultPage<>(items, page, size, total);
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, Filter f, LocalDate today) {
        if (f.kind() != null) {
            spec = spec.param("kind", f.kind().name());
        }
        if (f.status() != null) {
            spec = spec.param("status", f.status().name());
        }
        if (f.organization() != null) {
            spec = spec.param("org", f.organization());
        }
        if (f.overdue()) {
            spec = spec.param("today", today);
        }
        return spec;
    }

    List<LetterItem> items(long letterId) {
        return jdbc.sql("""
                SELECT position, item_id, item_label, status_label, due_on, condition_label
                FROM supervision_letter_item WHERE letter_id = :l ORDER BY position
                """).param("l", letterId).query((rs, n) -> new LetterItem(rs.getInt(1), rs.getLong(2),
                rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6))).list();
    }

    record Attachment(String name, String type, byte[] content) {
    }

    Optional<Attachment> attachment(long letterId) {
        return jdbc.sql("SELECT attachment_name, attachment_type, attachment FROM supervision_letter"
                        + " WHERE id = :id AND attachment IS NOT NULL").param("id", letterId)
                .query((rs, n) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    /** 待办 counts: letters of the caller's {@code where} clause in the status, and how many of them are overdue. */
    long[] countIn(DataScope scope, String where, LetterStatus status, LocalDate today) {
        return SupervisionScope.bind(jdbc.sql("SELECT count(*), coalesce(sum(CASE WHEN l.answer_due_on < :today"
                + " THEN 1 ELSE 0 END), 0) FROM supervision_letter l WHERE l.status = :s AND" + where), scope)
                .param("s", status.name()).param("today", today)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    // ---- writing -----------------------------------------------------------------------------------------------

    record NewLetter(long bodyId, long organizationId, LetterKind kind, int year, int seq, String letterNo,
                     String title, String content, int answerWorkingDays, long createdBy, String createdByName,
                     OffsetDateTime at) {
    }

    long insert(NewLetter l, List<LetterItem> items) {
        jdbc.sql("""
                INSERT INTO supervision_letter (body_id, organization_id, kind, status, letter_year, letter_seq,
                                                letter_no, title, content, answer_working_days, return_count,
                                                row_version, created_by, created_by_name, created_at, updated_at)
                VALUES (:b, :o, :k, 'DRAFT', :y, :seq, :no, :t, :c, :d, 0, 1, :by, :byName, :at, :at)
                """).param("b", l.bodyId()).param("o", l.organizationId()).param("k", l.kind().name())
                .param("y", l.year()).param("seq", l.seq()).param("no", l.letterNo()).param("t", l.title())
                .param("c", l.content()).param("d", l.answerWorkingDays()).param("by", l.createdBy())
                .param("byName", l.createdByName()).param("at", l.at()).update();
        long id = jdbc.sql("SELECT id FROM supervision_letter WHERE body_id = :b AND letter_year = :y AND letter_seq = :s")
                .param("b", l.bodyId()).param("y", l.year()).param("s", l.seq()).query(Long.class).single();
        for (LetterItem i : items) {
            jdbc.sql("""
                    INSERT INTO supervision_letter_item (letter_id, position, item_id, item_label, status_label, due_on,
                                                         condition_label)
                    VALUES (:l, :p, :i, :label, :s, :due, :c)
                    """).param("l", id).param("p", i.position()).param("i", i.itemId()).param("label", i.itemLabel())
                    .param("s", i.statusLabel()).param("due", i.dueOn()).param("c", i.conditionLabel()).update();
        }
        return id;
    }

    boolean edit(long id, int version, String title, String content, int days, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE supervision_letter SET title = :t, content = :c, answer_working_days = :d,
                       row_version = row_version + 1, updated_at = :at
                WHERE id = :id AND row_version = :v AND status = 'DRAFT'
                """).param("t", title).param("c", content).param("d", days).param("at", at).param("id", id)
                .param("v", version).update() == 1;
    }

    boolean deliver(long id, int version, LocalDate on, LocalDate dueOn, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE supervision_letter SET status = 'DELIVERED', delivered_on = :on, answer_due_on = :due,
                       row_version = row_version + 1, updated_at = :at
                WHERE id = :id AND row_version = :v AND status = 'DRAFT'
                """).param("on", on).param("due", dueOn).param("at", at).param("id", id).param("v", version)
                .update() == 1;
    }

    boolean sign(long id, int version, LocalDate on, String byName, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE supervision_letter SET status = 'SIGNED', signed_on = :on, signed_by_name = :by,
                       row_version = row_version + 1, updated_at = :at
                WHERE id = :id AND row_version = :v AND status = 'DELIVERED'
                """).param("on", on).param("by", byName).param("at", at).param("id", id).param("v", version)
                .update() == 1;
    }

    boolean answer(long id, int version, String text, LocalDate on, String fileName, String type, String sha256,
                   byte[] file, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE supervision_letter SET status = 'ANSWERED', answer_text = :t, answered_on = :on,
                       attachment_name = :fn, attachment_type = :ft, attachment_sha256 = :sha, attachment = :f,
                       row_version = row_version + 1, updated_at = :at
                WHERE id = :id AND row_version = :v AND status = 'SIGNED'
                """).param("t", text).param("on", on).param("fn", fileName).param("ft", type).param("sha", sha256)
                .param("f", file).param("at", at).param("id", id).param("v", version).update() == 1;
    }

    boolean settle(long id, int version, LocalDate on, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE supervision_letter SET status = 'SETTLED', settled_on = :on, row_version = row_version + 1,
                       updated_at = :at
                WHERE id = :id AND row_version = :v AND status = 'ANSWERED'
                """).param("on", on).param("at", at).param("id", id).param("v", version).update() == 1;
    }

    boolean giveBack(long id, int version, String reason, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE supervision_letter SET status = 'SIGNED', returned_reason = :r, return_count = return_count + 1,
                       row_version = row_version + 1, updated_at = :at
                WHERE id = :id AND row_version = :v AND status = 'ANSWERED'
                """).param("r", reason).param("at", at).param("id", id).param("v", version).update() == 1;
    }

    private static Letter letter(ResultSet rs, int n) throws SQLException {
        return new Letter(rs.getLong("id"), rs.getLong("body_id"), rs.getLong("organization_id"),
                LetterKind.valueOf(rs.getString("kind")), LetterStatus.valueOf(rs.getString("status")),
                rs.getString("letter_no"), rs.getString("title"), rs.getString("content"),
                rs.getInt("answer_working_days"), rs.getObject("answer_due_on", LocalDate.class),
                rs.getObject("delivered_on", LocalDate.class), rs.getObject("signed_on", LocalDate.class),
                rs.getString("signed_by_name"), rs.getString("answer_text"),
                rs.getObject("answered_on", LocalDate.class), rs.getString("attachment_name"),
                rs.getObject("settled_on", LocalDate.class), rs.getString("returned_reason"),
                rs.getInt("return_count"), rs.getInt("row_version"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("organization_name"),
                rs.getString("body_name"), rs.getString("office_name"));
    }
}
