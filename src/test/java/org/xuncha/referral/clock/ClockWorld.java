package org.xuncha.referral.clock;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.ReferralWorld;

/**
 * The referral world with what the clock tests add: items signed for in SQL (status SIGNED, signed_at, due_on,
 * remind_on as receiving writes them), closed in SQL, supervised in SQL. Dates are the tests' own, worked out by hand.
 */
final class ClockWorld {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final ReferralWorld rw;
    private final JdbcClient jdbc;
    private int leads;

    ClockWorld(ReferralWorld rw, JdbcClient jdbc) {
        this.rw = rw;
        this.jdbc = jdbc;
    }

    /** A reported lead of county A (or B) transferred to {@code kind} of that county, not yet signed for. */
    long transferred(boolean countyA, ReceiverKind kind) {
        var w = rw.w;
        long inspection = countyA ? w.inspection : w.inspectionB;
        long lead = rw.reportedLead(inspection, "督办测试线索" + (++leads), "INTEGRITY",
                List.of(new ReferralWorld.Person("丙某", null, "科长", "SECTION")));
        return rw.transferred(lead, kind, countyA ? w.countyA : w.countyB, null, 1);
    }

    /** Signed for (签收) with the given due and reminder dates. */
    long signed(long item, LocalDate signedOn, LocalDate dueOn, LocalDate remindOn) {
        jdbc.sql("""
                UPDATE transfer_item SET status = 'SIGNED', signed_by = 1, signed_by_name = '签收人', signed_at = :at,
                       due_on = :due, remind_on = :remind, row_version = row_version + 1 WHERE id = :id
                """).param("at", LocalDateTime.of(signedOn, java.time.LocalTime.of(10, 0)).atZone(SHANGHAI)
                .toOffsetDateTime()).param("due", dueOn).param("remind", remindOn).param("id", item).update();
        return item;
    }

    long closed(long item) {
        jdbc.sql("UPDATE transfer_item SET status = 'CLOSED', closed_on = due_on WHERE id = :id").param("id", item)
                .update();
        return item;
    }

    long supervised(long item, LocalDate since) {
        jdbc.sql("UPDATE transfer_item SET supervised = TRUE, supervised_since = :s WHERE id = :id")
                .param("s", since).param("id", item).update();
        return item;
    }

    boolean overdue(long item) {
        return jdbc.sql("SELECT overdue FROM transfer_item WHERE id = :id").param("id", item)
                .query(Boolean.class).single();
    }

    List<LocalDate> reminders(long item) {
        return jdbc.sql("SELECT raised_on FROM transfer_reminder WHERE item_id = :id ORDER BY raised_on")
                .param("id", item).query(LocalDate.class).list();
    }

    long audits(String action, Object objectId) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = :a AND object_id = :o")
                .param("a", action).param("o", String.valueOf(objectId)).query(Long.class).single();
    }
}
