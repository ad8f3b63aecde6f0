package org.xuncha.supervision.reminder;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.common.UserId;

/**
 * supervision_reminder and supervision_outbox. A to-do is created in a transaction of its own with its outbox rows:
 * the unique key (kind, subject, day) lets exactly one of two concurrent runs insert it — the other's insert fails
 * on the key and writes nothing — so no instance, run or thread creates a to-do or an outbox row twice.
 */
@Repository
class ReminderStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    ReminderStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A to-do as the list shows it. */
    record Reminder(long id, ReminderKind kind, LocalDate day, String title, String link, OffsetDateTime createdAt) {
    }

    /** Creates the to-do and its outbox rows unless it exists; returns the outbox rows written, -1 if it existed. */
    int createOnce(ReminderSource.Due due, List<UserId> recipients, OffsetDateTime now) {
        try {
            Integer rows = own.execute(tx -> {
                if (exists(due)) {
                    return -1;
                }
                var a = due.audience();
                jdbc.sql("""
                        INSERT INTO supervision_reminder (kind, subject, due_day, audience_role, body_id,
                                                          organization_id, title, link, created_at)
                        VALUES (:kind, :subject, :day, :role, :body, :org, :title, :link, :now)
                        """).param("kind", due.kind().name()).param("subject", due.subject()).param("day", due.day())
                        .param("role", a.role().name()).param("body", a.body() == null ? null : a.body().value())
                        .param("org", a.organization() == null ? null : a.organization().value())
                        .param("title", due.title()).param("link", due.link()).param("now", now).update();
                long id = jdbc.sql("SELECT id FROM supervision_reminder WHERE kind = :kind AND subject = :subject"
                                + " AND due_day = :day").param("kind", due.kind().name())
                        .param("subject", due.subject()).param("day", due.day()).query(Long.class).single();
                for (UserId r : recipients) {
                    jdbc.sql("""
                            INSERT INTO supervision_outbox (reminder_id, recipient_account_id, title, link, created_at,
                                                            attempts)
                            VALUES (:id, :r, :title, :link, :now, 0)
                            """).param("id", id).param("r", r.value()).param("title", due.title())
                            .param("link", due.link()).param("now", now).update();
                }
                return recipients.size();
            });
            return rows == null ? -1 : rows;
        } catch (DuplicateKeyException concurrent) {
            // another run inserted it between our check and our insert: it is created, once
            return -1;
        }
    }

    private boolean exists(ReminderSource.Due due) {
        return jdbc.sql("SELECT count(*) FROM supervision_reminder WHERE kind = :kind AND subject = :subject"
                        + " AND due_day = :day").param("kind", due.kind().name()).param("subject", due.subject())
                .param("day", due.day()).query(Long.class).single() > 0;
    }

    /**
     * The caller's to-dos, newest first: the office its writable bodies' office to-dos, the TARGET its own
     * organization's; nobody else has any.
     */
    List<Reminder> of(DataScope scope, int limit) {
        String where;
        if (scope.has(Role.TARGET)) {
            if (scope.organization() == null) {
                return List.of();
            }
            where = "audience_role = 'TARGET' AND organization_id = :org";
        } else if (scope.has(Role.OFFICE) && !scope.writableBodyIds().isEmpty()) {
            where = "audience_role = 'OFFICE' AND body_id IN (:bodies)";
        } else {
            return List.of();
        }
        return jdbc.sql("SELECT id, kind, due_day, title, link, created_at FROM supervision_reminder WHERE " + where
                        + " ORDER BY created_at DESC, id DESC FETCH FIRST " + limit + " ROWS ONLY")
                .param("org", scope.organization() == null ? -1L : scope.organization().value())
                .param("bodies", scope.writableBodyIds().isEmpty() ? List.of(-1L) : scope.writableBodyIds())
                .query((rs, n) -> new Reminder(rs.getLong(1), ReminderKind.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class))).list();
    }
}
