package org.xuncha.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.common.BodyId;
import org.xuncha.referral.FirstFormMeasure;
import org.xuncha.referral.GovernmentSanction;
import org.xuncha.referral.HandlingWay;
import org.xuncha.referral.OrganizationalHandling;
import org.xuncha.referral.PartySanction;
import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.SubjectKind;
import org.xuncha.referral.TransferStatus;
import org.xuncha.referral.letter.IssuedLetter;
import org.xuncha.referral.letter.LetterContent;
import org.xuncha.referral.letter.LetterLine;
import org.xuncha.referral.letter.TransferLetters;

/**
 * The demo's 移交 and what became of it (issue 13 §7): every reported lead and every petition intake disposed to the
 * 纪委, transferred by their office in numbered, signed letters of up to {@link #BATCH} items (petitions in the same
 * letters as the leads), then taken through every step by the demo's {@code discipline} account — waiting for 签收,
 * signed, 初步核实 / 谈话函询, 立案 (one with 留置), 结案 with sanctions of every kind, 予以了结, one 转办 to the
 * 组织部, 挂牌督办 with and without this month's progress, one 投案自首 — with dates in order (签收 after the
 * transfer, 立案 after 签收, 结案 after 立案) and before {@code today}. The rows are written as referral's services
 * write them (V8_25, V8_27, V8_30, V8_31); the overdue flags are then set as the daily clock sets them (due date
 * before today, not closed). Letters are issued through {@link TransferLetters}, so each letter's .docx verifies.
 */
final class DemoReferrals {

    static final int BATCH = 6;
    /** The steps an item is taken through, in turn (index = item number % length). */
    private static final Plan[] PLANS = {Plan.WAITING, Plan.SIGNED, Plan.PRELIMINARY, Plan.TALK, Plan.FILED_SUPERVISED,
            Plan.DETAINED_SUPERVISED, Plan.CLOSED_SANCTIONS, Plan.CLOSED_JUDICIAL, Plan.CONCLUDED, Plan.FIRST_FORM,
            Plan.REDIRECTED, Plan.CLOSED_SANCTIONS};

    enum Plan { WAITING, SIGNED, PRELIMINARY, TALK, FILED_SUPERVISED, DETAINED_SUPERVISED, CLOSED_SANCTIONS,
        CLOSED_JUDICIAL, CONCLUDED, FIRST_FORM, REDIRECTED }

    record Counts(long letters, long items, long outcomes) {
    }

    private record Subject(SubjectKind kind, long id, long bodyId, Long inspectionId, String title, LocalDate readyOn) {
    }

    private final JdbcClient jdbc;
    private final TransferLetters letters;
    private final ZoneId zone;
    private int party;
    private int government;
    private int organizational;
    private int firstForm;

    DemoReferrals(JdbcClient jdbc, TransferLetters letters, ZoneId zone) {
        this.jdbc = jdbc;
        this.letters = letters;
        this.zone = zone;
    }

    Counts insert(LocalDate today, Map<String, Long> accounts) {
        long office = accounts.getOrDefault("office", accounts.values().iterator().next());
        long discipline = accounts.getOrDefault("discipline", office);
        List<Subject> subjects = new ArrayList<>(jdbc.sql("""
                SELECT l.id, r.body_id, l.inspection_id, l.title, r.reported_at FROM problem_lead l
                JOIN problem_lead_report r ON r.lead_id = l.id WHERE l.status = 'REPORTED'
                AND r.id = (SELECT MIN(r2.id) FROM problem_lead_report r2 WHERE r2.lead_id = l.id) ORDER BY l.id""")
                .query((rs, n) -> new Subject(SubjectKind.LEAD, rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate()))
                .list());
        subjects.addAll(jdbc.sql("""
                SELECT p.id, i.body_id, p.inspection_id, p.category, p.disposed_at FROM petition p
                JOIN inspection i ON i.id = p.inspection_id
                WHERE p.disposition = 'DISCIPLINE' AND p.disposed_at IS NOT NULL ORDER BY p.id""")
                .query((rs, n) -> new Subject(SubjectKind.PETITION, rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        "信访件（" + rs.getString(4) + "）", rs.getObject(5, OffsetDateTime.class)
                                .atZoneSameInstant(zone).toLocalDate()))
                .list());
        Map<Long, List<Subject>> byBody = new LinkedHashMap<>();
        for (Subject s : subjects) {
            byBody.computeIfAbsent(s.bodyId(), b -> new ArrayList<>()).add(s);
        }
        long letterCount = 0;
        long itemCount = 0;
        long outcomeCount = 0;
        boolean surrendered = false;
        for (var entry : byBody.entrySet()) {
            long body = entry.getKey();
            String bodyName = jdbc.sql("SELECT name FROM inspection_body WHERE id = ?").param(body).query(String.class)
                    .single();
            List<Subject> all = entry.getValue();
            // the oldest first, so the letter numbers run with the dates
            all.sort((a, b) -> a.readyOn().compareTo(b.readyOn()));
            Map<Integer, Integer> seqs = new LinkedHashMap<>();
            for (int from = 0; from < all.size(); from += BATCH) {
                List<Subject> chunk = all.subList(from, Math.min(all.size(), from + BATCH));
                LocalDate on = chunk.get(chunk.size() - 1).readyOn().plusDays(2);
                if (!on.isBefore(today)) {
                    on = today.minusDays(1);
                }
                int year = on.getYear();
                int seq = seqs.merge(year, 1, Integer::sum);
                long letter = letter(body, bodyName, year, seq, ReceiverKind.DISCIPLINE, on, chunk, office);
                letterCount++;
                OffsetDateTime at = on.atTime(10, 0).atZone(zone).toOffsetDateTime();
                for (int k = 0; k < chunk.size(); k++) {
                    Subject s = chunk.get(k);
                    Plan plan = PLANS[(int) (itemCount % PLANS.length)];
                    itemCount++;
                    outcomeCount += item(s, letter, k, at, on, today, plan, office, discipline);
                    if (!surrendered && s.kind() == SubjectKind.LEAD) {
                        jdbc.sql("""
                                INSERT INTO referral_surrender (body_id, inspection_id, surrendered_on, note, recorded_by,
                                    recorded_by_name, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                                .params(body, s.inspectionId(), on, "巡察进驻期间主动投案", discipline, "纪委监委（演示）", at)
                                .update();
                        surrendered = true;
                    }
                }
            }
            for (var y : seqs.entrySet()) {
                jdbc.sql("INSERT INTO transfer_counter (body_id, letter_year, last_seq) VALUES (?, ?, ?)")
                        .params(body, y.getKey(), y.getValue()).update();
            }
        }
        // the daily clock's rule: a reply due before today on an item not closed is overdue
        jdbc.sql("UPDATE transfer_item SET overdue = TRUE WHERE due_on < ? AND status <> 'CLOSED'").param(today).update();
        return new Counts(letterCount, itemCount, outcomeCount);
    }

    private long letter(long body, String bodyName, int year, int seq, ReceiverKind receiver, LocalDate on,
                        List<Subject> chunk, long office) {
        String name = bodyName.startsWith("中共") ? bodyName.substring(2) : bodyName;
        String no = name.substring(0, name.offsetByCodePoints(0, 1)) + "巡移〔" + year + "〕" + seq + "号";
        List<LetterLine> lines = new ArrayList<>();
        for (int k = 0; k < chunk.size(); k++) {
            Subject s = chunk.get(k);
            lines.add(new LetterLine(k + 1, s.kind().label(), s.title(),
                    s.kind() == SubjectKind.LEAD ? "巡察发现" : "信访举报", persons(s), null));
        }
        IssuedLetter issued = letters.issue(BodyId.of(body), new LetterContent(no, bodyName, receiver.label(), on,
                "演示数据", lines));
        jdbc.sql("""
                INSERT INTO transfer_letter (body_id, letter_year, letter_seq, letter_no, receiver_kind, receiver_body_id,
                    item_count, note, letter_docx, signed_digest, signature, created_by, created_by_name, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(body, year, seq, no, receiver.name(), body, chunk.size(), "演示数据", issued.docx(),
                        issued.digest(), issued.signature(), office, "巡察办（演示）",
                        on.atTime(10, 0).atZone(zone).toOffsetDateTime())
                .update();
        return lastId("transfer_letter");
    }

    private int persons(Subject s) {
        return s.kind() == SubjectKind.PETITION ? 0 : jdbc.sql("SELECT COUNT(*) FROM problem_lead_person WHERE lead_id = ?")
                .param(s.id()).query(Integer.class).single();
    }

    private long item(Subject s, long letter, int position, OffsetDateTime at, LocalDate on, LocalDate today,
                      Plan plan, long office, long discipline) {
        LocalDate signedOn = on.plusDays(2);
        long span = today.toEpochDay() - signedOn.toEpochDay();
        // not enough past for the planned steps: the item stays at an earlier step
        if (span < 1) {
            plan = Plan.WAITING;
        } else if (span < 45 && plan.ordinal() >= Plan.PRELIMINARY.ordinal()) {
            plan = Plan.SIGNED;
        }
        TransferStatus status = switch (plan) {
            case WAITING -> TransferStatus.TRANSFERRED;
            case SIGNED, REDIRECTED -> TransferStatus.SIGNED;
            case PRELIMINARY, TALK, FILED_SUPERVISED, DETAINED_SUPERVISED -> TransferStatus.HANDLING;
            default -> TransferStatus.CLOSED;
        };
        if (plan == Plan.REDIRECTED) {
            status = TransferStatus.TRANSFERRED;
        }
        boolean signed = plan != Plan.WAITING && plan != Plan.REDIRECTED;
        OffsetDateTime signedAt = signedOn.atTime(15, 0).atZone(zone).toOffsetDateTime();
        LocalDate filed = signedOn.plusDays(10);
        LocalDate closed = signedOn.plusDays(40);
        boolean supervised = plan == Plan.FILED_SUPERVISED || plan == Plan.DETAINED_SUPERVISED;
        int persons = persons(s);
        jdbc.sql("""
                INSERT INTO transfer_item (subject_kind, subject_id, body_id, inspection_id, letter_id, receiver_kind,
                    receiver_body_id, title, person_count, status, transferred_at, signed_by, signed_by_name, signed_at,
                    due_on, remind_on, overdue, supervised, supervised_since, closed_on, row_version, updated_at)
                VALUES (?, ?, ?, ?, ?, 'DISCIPLINE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, 1, ?)""")
                .params(s.kind().name(), s.id(), s.bodyId(), s.inspectionId(), letter, s.bodyId(), s.title(), persons,
                        status.name(), at, signed ? discipline : null, signed ? "纪委监委（演示）" : null,
                        signed ? signedAt : null, signed ? signedOn.plusMonths(3) : null,
                        // the reply clock's default reminder: 7 days before the due date
                        signed ? signedOn.plusMonths(3).minusDays(7) : null, supervised,
                        supervised ? filed : null, status == TransferStatus.CLOSED ? closed : null, at)
                .update();
        long item = lastId("transfer_item");
        jdbc.sql("""
                INSERT INTO transfer_item_route (item_id, position, letter_id, receiver_kind, receiver_body_id, reason,
                    routed_by_name, routed_at) VALUES (?, ?, ?, 'DISCIPLINE', ?, NULL, ?, ?)""")
                .params(item, 1, letter, s.bodyId(), "巡察办（演示）", at).update();
        if (s.kind() == SubjectKind.LEAD) {
            jdbc.sql("UPDATE problem_lead SET transferred_at = ?, transferred_to = ? WHERE id = ?")
                    .params(at, ReceiverKind.DISCIPLINE.label(), s.id()).update();
        } else {
            // with the body's 纪委 (intake's DISCIPLINE read rule keys on discipline_body_id, V8_44)
            jdbc.sql("UPDATE petition SET transferred_at = ?, transferred_to = ?, discipline_body_id = ? WHERE id = ?")
                    .params(at, ReceiverKind.DISCIPLINE.label(), s.bodyId(), s.id()).update();
        }
        if (signed) {
            jdbc.sql("""
                    INSERT INTO transfer_signature (item_id, route_position, receiver_kind, receiver_body_id, signed_by,
                        signed_by_name, on_behalf, signed_at) VALUES (?, 1, 'DISCIPLINE', ?, ?, ?, FALSE, ?)""")
                    .params(item, s.bodyId(), discipline, "纪委监委（演示）", signedAt).update();
        }
        if (supervised) {
            jdbc.sql("""
                    INSERT INTO transfer_supervision (item_id, marked, reason, by_user, by_name, at_time)
                    VALUES (?, TRUE, ?, ?, ?, ?)""")
                    .params(item, "问题线索涉及多名领导干部，挂牌督办", office, "巡察办（演示）",
                            filed.atTime(9, 0).atZone(zone).toOffsetDateTime()).update();
            if (plan == Plan.FILED_SUPERVISED) {
                LocalDate month = today.withDayOfMonth(1);
                jdbc.sql("""
                        INSERT INTO transfer_progress (item_id, period_start, revision, progress, by_user, by_name, at_time)
                        VALUES (?, ?, 1, ?, ?, ?, ?)""")
                        .params(item, month, "已完成谈话，正在调取相关账目", discipline, "纪委监委（演示）",
                                (month.isBefore(today) ? month : today).atTime(8, 0).atZone(zone).toOffsetDateTime())
                        .update();
            }
        }
        List<Long> people = s.kind() == SubjectKind.LEAD ? jdbc.sql(
                "SELECT id FROM problem_lead_person WHERE lead_id = ? ORDER BY position").param(s.id())
                .query(Long.class).list() : List.of();
        Long person = people.isEmpty() ? null : people.get(0);
        int n = 0;
        switch (plan) {
            case PRELIMINARY -> n += outcome(item, null, "HANDLING_WAY", HandlingWay.PRELIMINARY_CHECK.name(), filed, 0, discipline);
            case TALK -> n += outcome(item, null, "HANDLING_WAY", HandlingWay.TALK_INQUIRY.name(), filed, 0, discipline);
            case FILED_SUPERVISED -> n += outcome(item, person, "CASE_FILED", null, filed, 0, discipline);
            case DETAINED_SUPERVISED -> {
                n += outcome(item, person, "CASE_FILED", null, filed, 0, discipline);
                if (person != null) {
                    n += outcome(item, person, "DETENTION", null, filed.plusDays(3), 0, discipline);
                }
            }
            case CONCLUDED -> n += outcome(item, null, "HANDLING_WAY", HandlingWay.CONCLUDED.name(), filed, 0, discipline);
            case FIRST_FORM -> {
                n += outcome(item, null, "HANDLING_WAY", HandlingWay.TALK_INQUIRY.name(), filed, 0, discipline);
                if (person != null) {
                    FirstFormMeasure[] all = FirstFormMeasure.values();
                    n += outcome(item, person, "FIRST_FORM_MEASURE", all[firstForm++ % all.length].name(), closed, 0, discipline);
                }
            }
            case CLOSED_SANCTIONS, CLOSED_JUDICIAL -> {
                n += outcome(item, null, "HANDLING_WAY", HandlingWay.PRELIMINARY_CHECK.name(), signedOn.plusDays(5), 0, discipline);
                n += outcome(item, person, "CASE_FILED", null, filed, 0, discipline);
                // 结案 of the case that was filed: the same person (or the item, when it names nobody)
                n += outcome(item, person, "CASE_CLOSED", null, closed, 0, discipline);
                for (Long p : people) {
                    if (plan == Plan.CLOSED_JUDICIAL && p.equals(person)) {
                        n += outcome(item, p, "JUDICIAL_REFERRAL", null, closed, 0, discipline);
                        OrganizationalHandling[] all = OrganizationalHandling.values();
                        n += outcome(item, p, "ORGANIZATIONAL_HANDLING", all[organizational++ % all.length].name(), closed, 0, discipline);
                    } else {
                        PartySanction[] ps = PartySanction.values();
                        n += outcome(item, p, "PARTY_SANCTION", ps[party++ % ps.length].name(), closed, 0, discipline);
                        GovernmentSanction[] gs = GovernmentSanction.values();
                        n += outcome(item, p, "GOVERNMENT_SANCTION", gs[government++ % gs.length].name(), closed, 0, discipline);
                    }
                }
                n += outcome(item, null, "MONEY", null, closed, 1_250_000L * (1 + item % 7), discipline);
            }
            default -> {
            }
        }
        if (plan == Plan.REDIRECTED) {
            // 转办: the 纪委 handed it on to the 组织部 before signing; the route keeps both receivers
            jdbc.sql("""
                    INSERT INTO transfer_item_route (item_id, position, letter_id, receiver_kind, receiver_body_id, reason,
                        routed_by_name, routed_at) VALUES (?, 2, ?, 'ORG_DEPT', ?, ?, ?, ?)""")
                    .params(item, letter, s.bodyId(), "涉及干部选拔任用问题，属组织部门职责", "巡察办（演示）",
                            signedAt).update();
            jdbc.sql("UPDATE transfer_item SET receiver_kind = 'ORG_DEPT' WHERE id = ?").param(item).update();
        }
        return n;
    }

    private int outcome(long item, Long person, String kind, String code, LocalDate on, long recovered, long by) {
        jdbc.sql("""
                INSERT INTO referral_outcome (item_id, person_id, kind, code, occurred_on, recovered_fen,
                    loss_retrieved_fen, note, corrects_id, recorded_by, recorded_by_name, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, 0, NULL, NULL, ?, ?, ?)""")
                .params(item, person, kind, code, on, recovered, by, "纪委监委（演示）",
                        on.atTime(17, 0).atZone(zone).toOffsetDateTime())
                .update();
        return 1;
    }

    private long lastId(String table) {
        return jdbc.sql("SELECT MAX(id) FROM " + table).query(Long.class).single();
    }
}
