package org.xuncha.supervision.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.common.Role;

/**
 * The daily job's to-dos of letters and revisits (issue 15 §7): a delivered or signed-for letter past its answer
 * date, to its organization's TARGET and its body's office, once per letter and date, with the number and kind and
 * nothing of the content; answered, settled and not-yet-due letters raise nothing. A 回访 planned within seven days
 * or overdue and not completed, to the office. Rows written directly under body ids no world uses (9 100 00x).
 */
@SpringBootTest(properties = "xuncha.test.context=supervision")
class LetterAndRevisitRemindersTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    static final String CONTENT = "你单位违规发放津贴补贴问题整改不力，张某某负有责任。";

    @Autowired JdbcClient jdbc;
    @Autowired List<ReminderSource> sources;

    long letter(long body, int seq, String status, LocalDate answerDue) {
        OffsetDateTime now = OffsetDateTime.of(2026, 11, 1, 2, 0, 0, 0, ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO supervision_letter (body_id, organization_id, kind, status, letter_year, letter_seq,
                    letter_no, title, content, answer_working_days, answer_due_on, delivered_on, return_count,
                    row_version, created_by, created_by_name, created_at, updated_at)
                VALUES (:b, :o, 'SUPERVISE', :s, 2026, :seq, :no, '关于督促整改的函', :c, 10, :due, :delivered, 0, 1,
                        1, '巡察办', :now, :now)
                """).param("b", body).param("o", body + 50).param("s", status).param("seq", seq)
                .param("no", "测巡督〔2026〕" + seq + "号").param("c", CONTENT).param("due", answerDue)
                .param("delivered", answerDue.minusDays(14)).param("now", now).update();
        return jdbc.sql("SELECT id FROM supervision_letter WHERE body_id = :b AND letter_seq = :seq").param("b", body)
                .param("seq", seq).query(Long.class).single();
    }

    long revisit(long body, long organization, String status, LocalDate plannedOn) {
        OffsetDateTime now = OffsetDateTime.of(2026, 11, 1, 2, 0, 0, 0, ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO supervision_revisit (inspection_id, organization_id, body_id, fed_back_on, planned_on,
                    status, survey_token, completed_on, row_version, created_at, updated_at)
                VALUES (:i, :o, :b, :fed, :p, :s, :t, :done, 1, :now, :now)
                """).param("i", body + 90).param("o", organization).param("b", body).param("fed", plannedOn.minusMonths(3))
                .param("p", plannedOn).param("s", status).param("t", "test-token-" + body + "-" + organization)
                .param("done", status.equals("COMPLETED") ? plannedOn : null).param("now", now).update();
        return jdbc.sql("SELECT id FROM supervision_revisit WHERE body_id = :b AND organization_id = :o")
                .param("b", body).param("o", organization).query(Long.class).single();
    }

    List<ReminderSource.Due> due(LocalDate on, String subjectPrefix, List<Long> ids) {
        return sources.stream().flatMap(s -> s.due(on).stream())
                .filter(d -> ids.stream().anyMatch(id -> d.subject().equals(subjectPrefix + id)
                        || d.subject().equals("letter-office:" + id) && subjectPrefix.equals("letter:")))
                .toList();
    }

    @Test
    void anUnansweredLetterPastItsDateRemindsTheTargetAndTheOfficeWithItsNumberOnly() {
        long body = 9_100_001L;
        long late = letter(body, 1, "DELIVERED", TODAY.minusDays(1));
        long lateSigned = letter(body, 2, "SIGNED", TODAY.minusDays(3));
        long answered = letter(body, 3, "ANSWERED", TODAY.minusDays(3));
        long settled = letter(body, 4, "SETTLED", TODAY.minusDays(3));
        long notYet = letter(body, 5, "DELIVERED", TODAY);
        List<ReminderSource.Due> due = due(TODAY, "letter:", List.of(late, lateSigned, answered, settled, notYet));
        assertThat(due).extracting(ReminderSource.Due::subject).containsExactlyInAnyOrder("letter:" + late,
                "letter-office:" + late, "letter:" + lateSigned, "letter-office:" + lateSigned);
        assertThat(due).allSatisfy(d -> {
            assertThat(d.kind()).isEqualTo(ReminderKind.LETTER_UNANSWERED);
            assertThat(d.title()).doesNotContain("津贴", "张某某").contains("督办函");
        });
        ReminderSource.Due toTarget = due.stream().filter(d -> d.subject().equals("letter:" + late)).findFirst()
                .orElseThrow();
        assertThat(toTarget.day()).isEqualTo(TODAY.minusDays(1));
        assertThat(toTarget.audience().role()).isEqualTo(Role.TARGET);
        assertThat(toTarget.audience().organization().value()).isEqualTo(body + 50);
        assertThat(toTarget.title()).isEqualTo("督办函（测巡督〔2026〕1号）已过答复期限（2026-12-03）未答复，请尽快答复");
        assertThat(toTarget.link()).isEqualTo("/supervision/letters/" + late);
        assertThat(due.stream().filter(d -> d.subject().equals("letter-office:" + late)).findFirst().orElseThrow()
                .audience().role()).isEqualTo(Role.OFFICE);
        // the same answer the next day: the job's unique key makes it one to-do per letter and date
        assertThat(due(TODAY.plusDays(1), "letter:", List.of(late))).extracting(ReminderSource.Due::day)
                .containsOnly(TODAY.minusDays(1));
    }

    @Test
    void aRevisitWithinAWeekOrOverdueRemindsTheOfficeUntilItIsCompleted() {
        long body = 9_100_002L;
        long overdue = revisit(body, 1, "IN_PROGRESS", TODAY.minusDays(2));
        long inAWeek = revisit(body, 2, "PLANNED", TODAY.plusDays(7));
        long later = revisit(body, 3, "PLANNED", TODAY.plusDays(8));
        long done = revisit(body, 4, "COMPLETED", TODAY.minusDays(5));
        List<ReminderSource.Due> due = due(TODAY, "revisit:", List.of(overdue, inAWeek, later, done));
        assertThat(due).extracting(ReminderSource.Due::subject)
                .containsExactlyInAnyOrder("revisit:" + overdue, "revisit:" + inAWeek);
        assertThat(due).allSatisfy(d -> {
            assertThat(d.kind()).isEqualTo(ReminderKind.REVISIT_DUE);
            assertThat(d.audience().role()).isEqualTo(Role.OFFICE);
            assertThat(d.audience().body().value()).isEqualTo(body);
        });
        assertThat(due.stream().filter(d -> d.subject().equals("revisit:" + overdue)).findFirst().orElseThrow()
                .title()).isEqualTo("整改回访已于2026-12-02到期，尚未完成，请做好安排");
        assertThat(due.stream().filter(d -> d.subject().equals("revisit:" + inAWeek)).findFirst().orElseThrow()
                .title()).isEqualTo("整改回访定于2026-12-11开展，请做好安排");
    }
}
