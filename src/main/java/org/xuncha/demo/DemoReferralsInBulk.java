package org.xuncha.demo;

import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.common.BodyId;
import org.xuncha.findings.DisciplineTag;
import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.SubjectKind;
import org.xuncha.referral.TransferStatus;
import org.xuncha.referral.letter.IssuedLetter;
import org.xuncha.referral.letter.LetterContent;
import org.xuncha.referral.letter.LetterLine;
import org.xuncha.referral.letter.TransferLetters;

/**
 * The province's 移交 and outcomes (issue 13 §7), in bulk: every reported lead and every petition intake disposed to
 * the 纪委, transferred by the office of the inspection's body to its 纪委监委 in one letter per round (集中移交 after
 * the round's reports, at most 200 lines a letter as referral's batch allows), and what became of each item as
 * {@link ReferralPlan} decides. The rows are those referral's services write (Transfers, Receiving, Outcomes, the
 * clock; V8_25, V8_27, V8_30, V8_31): letter numbers per body and year without gaps in date order with their
 * transfer_counter, one item and its first route per subject, the subject marked transferred as its owner marks it
 * (row version and updated_at moved on), the 签收 with the due date and reminder day of the default term (3 months,
 * 7 days: no body of a fresh database has its own), outcome events, status, closed_on and row_version as the ledger
 * leaves them, 挂牌督办 and this month's progress, 投案自首; a petition's outcome also reaches intake's 办理结果 as
 * TransferredPetitionOutcomes writes it. A body without a DISCIPLINE account has its items signed and recorded by
 * its office on the receiver's behalf (代为签收, on_behalf), which referral allows for a receiver that works offline.
 *
 * <p>Every letter is issued and signed through {@link TransferLetters}: its .docx and SM2 signature verify like any
 * letter the office issues. That is the cost of this step (about 0.1 s a letter on the development machine), which
 * is why the province transfers per round and not six items a letter as the demo city does. Batched inserts as in
 * DemoFindings: a parent table's new ids are read back in insertion order once its batch is written.
 */
final class DemoReferralsInBulk {

    static final int MAX_LINES = 200;
    private static final int BATCH = 2000;
    private static final int REPLY_MONTHS = 3;
    private static final int REMIND_DAYS = 7;

    record Counts(long letters, long items, long outcomes, long issueMillis, long writeMillis) {
    }

    private record Subject(SubjectKind kind, long id, long body, long inspection, long round, String title,
                           String source, String violation, LocalDate readyOn, OffsetDateTime readyAt) {
    }

    private record Letter(long body, int year, int seq, String no, LocalDate on, OffsetDateTime at,
                          List<Subject> lines) {
    }

    private record Actor(long id, String name, boolean onBehalf) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final TransferLetters letters;
    private final ZoneId zone;

    DemoReferralsInBulk(JdbcClient jdbc, NamedParameterJdbcTemplate batch, TransferLetters letters, ZoneId zone) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.letters = letters;
        this.zone = zone;
    }

    Counts insert(long seed, LocalDate today) {
        long started = System.nanoTime();
        List<Subject> subjects = new ArrayList<>(jdbc.sql("""
                SELECT l.id, v.body_id, l.inspection_id, v.round_id, l.title, v.team_name, l.violation, l.reported_at
                FROM problem_lead l JOIN inspection_scope_view v ON v.id = l.inspection_id
                WHERE l.status = 'REPORTED' AND l.transferred_at IS NULL ORDER BY l.id""")
                .query((rs, n) -> {
                    OffsetDateTime at = rs.getObject(8, OffsetDateTime.class);
                    return new Subject(SubjectKind.LEAD, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6), violationLabel(rs.getString(7)),
                            at.atZoneSameInstant(zone).toLocalDate(), at);
                }).list());
        subjects.addAll(jdbc.sql("""
                SELECT p.id, v.body_id, p.inspection_id, v.round_id, p.category, p.disposed_at
                FROM petition p JOIN inspection_scope_view v ON v.id = p.inspection_id
                WHERE p.disposition = 'DISCIPLINE' AND p.disposed_at IS NOT NULL AND p.transferred_at IS NULL
                ORDER BY p.id""")
                .query((rs, n) -> {
                    OffsetDateTime at = rs.getObject(6, OffsetDateTime.class);
                    return new Subject(SubjectKind.PETITION, rs.getLong(1), rs.getLong(2), rs.getLong(3),
                            rs.getLong(4), "信访件（" + rs.getString(5) + "）", "信访", null,
                            at.atZoneSameInstant(zone).toLocalDate(), at);
                }).list());
        // a subject stamped today or later (findings' generator dates some reports of stationed teams a few days
        // ahead) cannot have been transferred yet: it waits in the office's 待移交 list
        subjects.removeIf(s -> !s.readyOn().isBefore(today));
        Map<Long, List<Long>> persons = new HashMap<>();
        jdbc.sql("""
                SELECT p.lead_id, p.id FROM problem_lead_person p JOIN problem_lead l ON l.id = p.lead_id
                WHERE l.status = 'REPORTED' ORDER BY p.lead_id, p.position""")
                .query(rs -> {
                    persons.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        Map<Long, String[]> bodies = new HashMap<>();
        Map<Long, Long> parents = new HashMap<>();
        jdbc.sql("SELECT id, name, office_name, parent_id FROM inspection_body_view").query(rs -> {
            bodies.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
            long parent = rs.getLong(4);
            if (!rs.wasNull()) {
                parents.put(rs.getLong(1), parent);
            }
        });
        Map<Long, Actor> offices = new HashMap<>();
        Map<Long, Actor> disciplines = new HashMap<>();
        Actor[] anyOffice = new Actor[1];
        jdbc.sql("""
                SELECT a.id, a.display_name, a.body_id, r.role FROM user_account a
                JOIN user_role r ON r.user_account = a.id
                WHERE r.role IN ('OFFICE', 'DISCIPLINE') AND a.body_id IS NOT NULL ORDER BY a.id""")
                .query(rs -> {
                    Actor actor = new Actor(rs.getLong(1), rs.getString(2), false);
                    (rs.getString(4).equals("OFFICE") ? offices : disciplines).putIfAbsent(rs.getLong(3), actor);
                    if (anyOffice[0] == null && rs.getString(4).equals("OFFICE")) {
                        anyOffice[0] = actor;
                    }
                });

        // one letter per body and round (at most MAX_LINES lines), dated two days after its last subject was ready
        Map<Long, Map<Long, List<Subject>>> byBodyRound = new LinkedHashMap<>();
        for (Subject s : subjects) {
            byBodyRound.computeIfAbsent(s.body(), b -> new LinkedHashMap<>())
                    .computeIfAbsent(s.round(), r -> new ArrayList<>()).add(s);
        }
        List<Letter> planned = new ArrayList<>();
        Map<Long, Map<Integer, Integer>> counters = new LinkedHashMap<>();
        for (var body : byBodyRound.entrySet()) {
            List<Letter> ofBody = new ArrayList<>();
            for (List<Subject> round : body.getValue().values()) {
                round.sort(Comparator.comparing(Subject::readyAt).thenComparing(Subject::id));
                for (int from = 0; from < round.size(); from += MAX_LINES) {
                    List<Subject> chunk = List.copyOf(round.subList(from, Math.min(round.size(), from + MAX_LINES)));
                    LocalDate last = chunk.get(chunk.size() - 1).readyOn();
                    LocalDate on = last.plusDays(2);
                    if (!on.isBefore(today)) {
                        on = today.minusDays(1);
                    }
                    OffsetDateTime at = at(on, 10);
                    OffsetDateTime ready = chunk.get(chunk.size() - 1).readyAt().plusMinutes(30);
                    ofBody.add(new Letter(body.getKey(), on.getYear(), 0, null, on, ready.isAfter(at) ? ready : at,
                            chunk));
                }
            }
            // numbered in date order per year, without gaps
            ofBody.sort(Comparator.comparing(Letter::at).thenComparing(l -> l.lines().get(0).readyAt()));
            Map<Integer, Integer> seqs = counters.computeIfAbsent(body.getKey(), b -> new LinkedHashMap<>());
            String name = bodies.get(body.getKey())[0];
            for (Letter l : ofBody) {
                int seq = seqs.merge(l.year(), 1, Integer::sum);
                planned.add(new Letter(l.body(), l.year(), seq, letterNo(name, l.year(), seq), l.on(), l.at(),
                        l.lines()));
            }
        }

        // issue and sign every letter, then write them in batches and read their ids back in order
        long issueNanos = 0;
        List<Long> letterIds = new ArrayList<>(planned.size());
        for (int from = 0; from < planned.size(); from += 200) {
            List<Letter> chunk = planned.subList(from, Math.min(planned.size(), from + 200));
            List<SqlParameterSource> rows = new ArrayList<>(chunk.size());
            long t = System.nanoTime();
            for (Letter l : chunk) {
                String[] b = bodies.get(l.body());
                String officeName = b[1] == null || b[1].isBlank() ? b[0] : b[1];
                List<LetterLine> lines = new ArrayList<>(l.lines().size());
                for (int k = 0; k < l.lines().size(); k++) {
                    Subject s = l.lines().get(k);
                    lines.add(new LetterLine(k + 1, s.kind().label(), s.title(), s.source(),
                            persons.getOrDefault(s.kind() == SubjectKind.LEAD ? s.id() : -1L, List.of()).size(),
                            s.violation()));
                }
                IssuedLetter issued = letters.issue(BodyId.of(l.body()), new LetterContent(l.no(), officeName,
                        receiverLabel(b[0]), l.on(), null, lines));
                Actor office = office(l.body(), offices, parents, anyOffice[0]);
                rows.add(new MapSqlParameterSource().addValue("b", l.body()).addValue("y", l.year())
                        .addValue("s", l.seq()).addValue("no", l.no()).addValue("n", l.lines().size())
                        .addValue("docx", issued.docx()).addValue("digest", issued.digest())
                        .addValue("sig", issued.signature()).addValue("by", office.id())
                        .addValue("byName", office.name()).addValue("at", l.at()));
            }
            issueNanos += System.nanoTime() - t;
            letterIds.addAll(insertParents("transfer_letter", """
                    INSERT INTO transfer_letter (body_id, letter_year, letter_seq, letter_no, receiver_kind,
                        receiver_body_id, item_count, note, letter_docx, signed_digest, signature, created_by,
                        created_by_name, created_at)
                    VALUES (:b, :y, :s, :no, 'DISCIPLINE', :b, :n, NULL, :docx, :digest, :sig, :by, :byName, :at)""",
                    rows));
        }
        long writeStarted = System.nanoTime();
        List<SqlParameterSource> counterRows = new ArrayList<>();
        counters.forEach((body, years) -> years.forEach((year, last) -> counterRows.add(new MapSqlParameterSource()
                .addValue("b", body).addValue("y", year).addValue("s", last))));
        write("INSERT INTO transfer_counter (body_id, letter_year, last_seq) VALUES (:b, :y, :s)", counterRows);

        // the items and what became of them
        List<SqlParameterSource> items = new ArrayList<>(subjects.size());
        List<Object[]> placed = new ArrayList<>(subjects.size());
        for (int i = 0; i < planned.size(); i++) {
            Letter l = planned.get(i);
            long letter = letterIds.get(i);
            String receiver = receiverLabel(bodies.get(l.body())[0]);
            Actor office = office(l.body(), offices, parents, anyOffice[0]);
            Actor signer = disciplines.containsKey(l.body()) ? disciplines.get(l.body())
                    : new Actor(office.id(), office.name(), true);
            OffsetDateTime at = l.at();
            for (Subject s : l.lines()) {
                List<Long> people = s.kind() == SubjectKind.LEAD ? persons.getOrDefault(s.id(), List.of()) : List.of();
                ReferralPlan.Path path = ReferralPlan.plan(seed, (s.kind() == SubjectKind.LEAD ? 1L : 2L) << 40 | s.id(),
                        s.kind() == SubjectKind.LEAD, people.size(), l.on(), today);
                TransferStatus status = path.status();
                LocalDate due = path.signedOn() == null ? null : path.signedOn().plusMonths(REPLY_MONTHS);
                OffsetDateTime last = path.events().isEmpty()
                        ? path.signedOn() == null ? at : at(path.signedOn(), 15)
                        : at(path.events().get(path.events().size() - 1).on(), 17);
                int version = 1 + (path.signedOn() == null ? 0 : 1) + path.events().size();
                items.add(new MapSqlParameterSource().addValue("sk", s.kind().name()).addValue("sid", s.id())
                        .addValue("b", s.body()).addValue("i", s.inspection()).addValue("letter", letter)
                        .addValue("t", s.title()).addValue("pc", people.size()).addValue("st", status.name())
                        .addValue("at", at)
                        .addValue("sb", path.signedOn() == null ? null : signer.id(), Types.BIGINT)
                        .addValue("sbn", path.signedOn() == null ? null : signer.name(), Types.VARCHAR)
                        .addValue("sat", path.signedOn() == null ? null : at(path.signedOn(), 15),
                                Types.TIMESTAMP_WITH_TIMEZONE)
                        .addValue("due", due, Types.DATE)
                        .addValue("remind", due == null ? null : due.minusDays(REMIND_DAYS), Types.DATE)
                        .addValue("sup", path.supervisedSince() != null)
                        .addValue("since", path.supervisedSince(), Types.DATE)
                        .addValue("closed", path.closedOn(), Types.DATE).addValue("v", version)
                        .addValue("updated", last));
                placed.add(new Object[] {s, path, letter, people, signer, office, receiver});
            }
        }
        List<Long> itemIds = insertParents("transfer_item", """
                INSERT INTO transfer_item (subject_kind, subject_id, body_id, inspection_id, letter_id, receiver_kind,
                    receiver_body_id, title, person_count, status, transferred_at, signed_by, signed_by_name, signed_at,
                    due_on, remind_on, overdue, supervised, supervised_since, closed_on, row_version, updated_at)
                VALUES (:sk, :sid, :b, :i, :letter, 'DISCIPLINE', :b, :t, :pc, :st, :at, :sb, :sbn, :sat, :due,
                    :remind, FALSE, :sup, :since, :closed, :v, :updated)""", items);

        List<SqlParameterSource> routes = new ArrayList<>();
        List<SqlParameterSource> signatures = new ArrayList<>();
        List<SqlParameterSource> outcomes = new ArrayList<>();
        List<SqlParameterSource> supervisions = new ArrayList<>();
        List<SqlParameterSource> progress = new ArrayList<>();
        List<SqlParameterSource> surrenders = new ArrayList<>();
        List<SqlParameterSource> leadMarks = new ArrayList<>();
        List<SqlParameterSource> petitionMarks = new ArrayList<>();
        List<SqlParameterSource> petitionTexts = new ArrayList<>();
        LocalDate month = today.withDayOfMonth(1);
        for (int i = 0; i < placed.size(); i++) {
            Object[] p = placed.get(i);
            Subject s = (Subject) p[0];
            ReferralPlan.Path path = (ReferralPlan.Path) p[1];
            long letter = (Long) p[2];
            @SuppressWarnings("unchecked")
            List<Long> people = (List<Long>) p[3];
            Actor signer = (Actor) p[4];
            Actor office = (Actor) p[5];
            String receiver = (String) p[6];
            long item = itemIds.get(i);
            OffsetDateTime at = (OffsetDateTime) ((MapSqlParameterSource) items.get(i)).getValue("at");
            routes.add(new MapSqlParameterSource().addValue("item", item).addValue("letter", letter)
                    .addValue("b", s.body()).addValue("by", office.name()).addValue("at", at));
            (s.kind() == SubjectKind.LEAD ? leadMarks : petitionMarks).add(new MapSqlParameterSource()
                    .addValue("id", s.id()).addValue("to", receiver).addValue("at", at));
            if (path.signedOn() != null) {
                signatures.add(new MapSqlParameterSource().addValue("item", item).addValue("b", s.body())
                        .addValue("by", signer.id()).addValue("name", signer.name())
                        .addValue("behalf", signer.onBehalf()).addValue("at", at(path.signedOn(), 15)));
            }
            for (ReferralPlan.Event e : path.events()) {
                outcomes.add(new MapSqlParameterSource().addValue("item", item)
                        .addValue("person", e.person() < 0 ? null : people.get(e.person()), Types.BIGINT)
                        .addValue("kind", e.kind().name()).addValue("code", e.code(), Types.VARCHAR)
                        .addValue("on", e.on()).addValue("rec", e.recoveredFen()).addValue("loss", e.lossRetrievedFen())
                        .addValue("by", signer.id()).addValue("name", signer.name()).addValue("at", at(e.on(), 17)));
                if (s.kind() == SubjectKind.PETITION) {
                    petitionTexts.add(new MapSqlParameterSource().addValue("p", s.id())
                            .addValue("t", petitionText(e)).addValue("by", signer.id()).addValue("at", at(e.on(), 17)));
                }
            }
            if (path.supervisedSince() != null) {
                supervisions.add(new MapSqlParameterSource().addValue("item", item)
                        .addValue("by", office.id()).addValue("name", office.name())
                        .addValue("at", at(path.supervisedSince(), 9)));
                LocalDate reported = path.supervisedSince().isAfter(month) ? path.supervisedSince() : month;
                if (path.progressThisMonth() && reported.isBefore(today)) {
                    progress.add(new MapSqlParameterSource().addValue("item", item).addValue("month", month)
                            .addValue("by", signer.id()).addValue("name", signer.name()).addValue("at", at(reported, 18)));
                }
            }
            if (path.surrenderedOn() != null) {
                surrenders.add(new MapSqlParameterSource().addValue("b", s.body()).addValue("i", s.inspection())
                        .addValue("on", path.surrenderedOn()).addValue("by", signer.id()).addValue("name", signer.name())
                        .addValue("at", at(path.surrenderedOn(), 16)));
            }
        }
        write("""
                INSERT INTO transfer_item_route (item_id, position, letter_id, receiver_kind, receiver_body_id, reason,
                    routed_by_name, routed_at) VALUES (:item, 1, :letter, 'DISCIPLINE', :b, NULL, :by, :at)""", routes);
        write("""
                INSERT INTO transfer_signature (item_id, route_position, receiver_kind, receiver_body_id, signed_by,
                    signed_by_name, on_behalf, signed_at) VALUES (:item, 1, 'DISCIPLINE', :b, :by, :name, :behalf, :at)""",
                signatures);
        write("""
                INSERT INTO referral_outcome (item_id, person_id, kind, code, occurred_on, recovered_fen,
                    loss_retrieved_fen, note, corrects_id, recorded_by, recorded_by_name, recorded_at)
                VALUES (:item, :person, :kind, :code, :on, :rec, :loss, NULL, NULL, :by, :name, :at)""", outcomes);
        write("""
                INSERT INTO transfer_supervision (item_id, marked, reason, by_user, by_name, at_time)
                VALUES (:item, TRUE, '立案审查调查的重点案件，挂牌督办', :by, :name, :at)""", supervisions);
        write("""
                INSERT INTO transfer_progress (item_id, period_start, revision, progress, by_user, by_name, at_time)
                VALUES (:item, :month, 1, '审查调查按计划推进，已调取相关账目并开展谈话', :by, :name, :at)""", progress);
        write("""
                INSERT INTO referral_surrender (body_id, inspection_id, surrendered_on, note, recorded_by,
                    recorded_by_name, recorded_at) VALUES (:b, :i, :on, '巡察进驻期间主动投案', :by, :name, :at)""",
                surrenders);
        write("""
                UPDATE problem_lead SET transferred_at = :at, transferred_to = :to, updated_at = :at,
                    row_version = row_version + 1 WHERE id = :id""", leadMarks);
        write("UPDATE petition SET transferred_at = :at, transferred_to = :to WHERE id = :id", petitionMarks);
        // a petition still in intake's hands (办理中) takes each outcome as its 办理结果, as referral feeds it
        write("""
                INSERT INTO petition_text_revision (petition_id, kind, revision_no, revision_text, actor_id, occurred_at)
                SELECT p.id, 'OUTCOME', (SELECT COALESCE(MAX(r.revision_no), 0) + 1 FROM petition_text_revision r
                    WHERE r.petition_id = p.id AND r.kind = 'OUTCOME'), :t, :by, :at
                FROM petition p WHERE p.id = :p AND p.status = 'HANDLING'""", petitionTexts);
        write("""
                UPDATE petition SET outcome = :t, outcome_at = :at, version = version + 1
                WHERE id = :p AND status = 'HANDLING'""", petitionTexts);
        // the daily clock's rule: a reply due before today on an item not closed is overdue
        jdbc.sql("UPDATE transfer_item SET overdue = TRUE WHERE due_on < ? AND status <> 'CLOSED'").param(today).update();
        long done = System.nanoTime();
        return new Counts(planned.size(), placed.size(), outcomes.size(), issueNanos / 1_000_000,
                (done - started - issueNanos) / 1_000_000);
    }

    private static Actor office(long body, Map<Long, Actor> offices, Map<Long, Long> parents, Actor fallback) {
        Long b = body;
        while (b != null) {
            Actor a = offices.get(b);
            if (a != null) {
                return a;
            }
            b = parents.get(b);
        }
        if (fallback == null) {
            throw new IllegalStateException("no office account to transfer for body " + body);
        }
        return fallback;
    }

    private List<Long> insertParents(String table, String sql, List<SqlParameterSource> rows) {
        long before = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM " + table).query(Long.class).single();
        write(sql, rows);
        List<Long> ids = jdbc.sql("SELECT id FROM " + table + " WHERE id > :b ORDER BY id").param("b", before)
                .query(Long.class).list();
        if (ids.size() != rows.size()) {
            throw new IllegalStateException(table + ": wrote " + rows.size() + " rows, read back " + ids.size());
        }
        return ids;
    }

    private void write(String sql, List<SqlParameterSource> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            batch.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH))
                    .toArray(SqlParameterSource[]::new));
        }
    }

    private OffsetDateTime at(LocalDate on, int hour) {
        return on.atTime(hour, 0).atZone(zone).toOffsetDateTime();
    }

    /** As Outcomes.petitionText writes intake's 办理结果: kind, coded choice, date. */
    static String petitionText(ReferralPlan.Event e) {
        String code = e.code() == null ? "" : "：" + e.kind().code(e.code()).map(c -> c.label()).orElse(e.code());
        return e.kind().label() + code + "（" + e.on() + "）";
    }

    /** As findings labels a suspected violation (SuspectedViolation): 违反 + the discipline, or 涉嫌违法. */
    static String violationLabel(String violation) {
        if (violation == null || violation.equals("ILLEGAL")) {
            return violation == null ? null : "涉嫌违法";
        }
        try {
            return "违反" + DisciplineTag.valueOf(violation).label();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** As referral names a body's 纪委监委 (transfer.Receivers): the place of 某某委巡察… + 纪委监委. */
    static String receiverLabel(String bodyName) {
        String name = bodyName == null ? "" : bodyName.strip();
        if (name.startsWith("中共")) {
            name = name.substring(2);
        }
        int committee = name.indexOf("委巡察");
        if (committee > 0) {
            return name.substring(0, committee) + "纪委监委";
        }
        return name.isEmpty() ? ReceiverKind.DISCIPLINE.label() : ReceiverKind.DISCIPLINE.label() + "（" + name + "）";
    }

    /** As referral numbers a letter (Transfers.letterNo): {简称}巡移〔{年}〕{序号}号. */
    static String letterNo(String bodyName, int year, int seq) {
        String name = bodyName == null ? "" : bodyName.strip();
        if (name.startsWith("中共")) {
            name = name.substring(2);
        }
        String shortName = name.isEmpty() ? "" : name.substring(0, name.offsetByCodePoints(0, 1));
        return shortName + "巡移〔" + year + "〕" + seq + "号";
    }
}
