package org.xuncha.supervision.letter;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xuncha.common.BodyId;
import org.xuncha.common.OrganizationId;
import org.xuncha.supervision.LetterKind;
import org.xuncha.supervision.reminder.ReminderKind;
import org.xuncha.supervision.reminder.ReminderSource;

/**
 * A delivered letter not answered by its answer date, to the TARGET of its organization and to the office of its
 * body, once per letter and date (a letter returned for a new answer keeps its date). The letter's number and kind
 * only, never its content.
 */
@Component
class LetterReminders implements ReminderSource {

    private final JdbcClient jdbc;

    LetterReminders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Due> due(LocalDate today) {
        return jdbc.sql("""
                SELECT id, body_id, organization_id, kind, letter_no, answer_due_on FROM supervision_letter
                 WHERE status IN ('DELIVERED', 'SIGNED') AND answer_due_on < :today ORDER BY id
                """).param("today", today).query((rs, n) -> {
            long id = rs.getLong(1);
            BodyId body = BodyId.of(rs.getLong(2));
            String kind = LetterKind.valueOf(rs.getString(4)).label();
            LocalDate due = rs.getObject(6, LocalDate.class);
            String title = kind + "（" + rs.getString(5) + "）已过答复期限（" + due + "）未答复";
            return List.of(
                    new Due(ReminderKind.LETTER_UNANSWERED, "letter:" + id, due,
                            Audience.target(OrganizationId.of(rs.getLong(3)), body), title + "，请尽快答复",
                            "/supervision/letters/" + id),
                    new Due(ReminderKind.LETTER_UNANSWERED, "letter-office:" + id, due, Audience.office(body),
                            title + "，请督促", "/supervision/letters/" + id));
        }).list().stream().flatMap(List::stream).toList();
    }
}
