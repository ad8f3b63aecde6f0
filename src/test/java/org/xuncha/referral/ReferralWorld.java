package org.xuncha.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.findings.paper.PaperWorld;
import org.xuncha.identity.DataScopes;
import org.xuncha.identity.PrincipalFactory;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.platform.crypto.FieldCipher;

/**
 * The working papers' world ({@link PaperWorld}: county A's office, leading group, team of {@code w.inspection},
 * DISCIPLINE, ORG_DEPT, COLLABORATOR and TARGET accounts of county A; county B's office and team) with what transfers
 * add: DISCIPLINE and ORG_DEPT accounts of county B ({@code discipline-b}, {@code orgdept-b}), COLLABORATOR accounts
 * of two departments of county A ({@code audit-dept}: 甲县审计局, {@code civil-dept}: 甲县民政局), reported leads with
 * sealed persons written straight in SQL ({@link #reportedLead}: the leads' own rules are tested in findings.lead),
 * and transfers written straight in SQL ({@link #transferred}) for the tests of what comes after a transfer.
 * Each test class builds its own world under its own prefix and city code.
 */
public final class ReferralWorld {

    /** The sealing contexts of findings.lead (Leads.NAME, ID_NUMBER, POST): the rows must open as the app opens them. */
    static final String NAME = "lead.person.name";
    static final String ID_NUMBER = "lead.person.id_number";
    static final String POST = "lead.person.post";

    public final PaperWorld w;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final FieldCipher cipher;
    private final DataScopes scopes;

    public ReferralWorld(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, DataScopes scopes, FieldCipher cipher,
                         String prefix, String city4) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cipher = cipher;
        this.scopes = scopes;
        this.w = new PaperWorld(jdbc, encoder, clock, scopes, prefix, city4);
        w.account("discipline-b", Role.DISCIPLINE, w.countyB);
        w.account("orgdept-b", Role.ORG_DEPT, w.countyB);
        long audit = w.account("audit-dept", Role.COLLABORATOR, w.countyA);
        long civil = w.account("civil-dept", Role.COLLABORATOR, w.countyA);
        jdbc.sql("UPDATE user_account SET department = '甲县审计局' WHERE id = :id").param("id", audit).update();
        jdbc.sql("UPDATE user_account SET department = '甲县民政局' WHERE id = :id").param("id", civil).update();
    }

    /** The caller's scope as the platform derives it, collaborator departments included. */
    public DataScope scope(String name) {
        return scopes.of(principal(name));
    }

    public XunchaPrincipal principal(String name) {
        String username = w.prefix + name;
        var row = jdbc.sql("""
                SELECT a.id, a.body_id, a.organization_id, a.department, r.role FROM user_account a
                JOIN user_role r ON r.user_account = a.id WHERE a.username = :u
                """).param("u", username).query().singleRow();
        return PrincipalFactory.create(((Number) row.get("id")).longValue(), username, username, "x",
                Set.of(Role.valueOf((String) row.get("role"))),
                row.get("body_id") == null ? null : ((Number) row.get("body_id")).longValue(),
                row.get("organization_id") == null ? null : ((Number) row.get("organization_id")).longValue(),
                (String) row.get("department"), true, false);
    }

    /** One involved person of a lead, as the team entered it (identity number and post may be null). */
    public record Person(String name, String idNumber, String post, String rank) {
    }

    /**
     * A lead of the inspection reported to its body's leading group, with its persons sealed as findings.lead seals
     * them; {@code violation} is a findings.lead.SuspectedViolation name (INTEGRITY, ORGANIZATIONAL, ILLEGAL …).
     */
    public long reportedLead(long inspection, String title, String violation, List<Person> persons) {
        OffsetDateTime now = now();
        jdbc.sql("""
                INSERT INTO problem_lead (inspection_id, title, description, source, source_ref, violation, urgent,
                                          status, row_version, created_by, created_by_name, created_at,
                                          reported_by_name, reported_at, updated_at)
                VALUES (:i, :t, '在工程项目验收中收受施工方礼金。', 'OTHER', '谈话', :v, FALSE, 'REPORTED', 2, 1,
                        '王撰写', :now, '林组长', :now, :now)
                """).param("i", inspection).param("t", title).param("v", violation).param("now", now).update();
        long id = jdbc.sql("SELECT max(id) FROM problem_lead WHERE inspection_id = :i AND title = :t")
                .param("i", inspection).param("t", title).query(Long.class).single();
        int position = 1;
        for (Person p : persons) {
            jdbc.sql("""
                    INSERT INTO problem_lead_person (lead_id, position, name_sealed, id_number_sealed, post_sealed,
                                                     person_rank, person_index)
                    VALUES (:l, :pos, :name, :idn, :post, :rank, :idx)
                    """).param("l", id).param("pos", position++).param("name", cipher.seal(NAME, p.name()))
                    .param("idn", p.idNumber() == null ? null : cipher.seal(ID_NUMBER, p.idNumber()))
                    .param("post", p.post() == null ? null : cipher.seal(POST, p.post()))
                    .param("rank", p.rank()).param("idx", "test-" + id + "-" + position).update();
        }
        long body = jdbc.sql("SELECT body_id FROM inspection WHERE id = :i").param("i", inspection)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO problem_lead_report (lead_id, body_id, addressee, reported_at) VALUES (:l, :b, 'BODY', :now)")
                .param("l", id).param("b", body).param("now", now).update();
        return id;
    }

    /** The ids of a lead's persons (problem_lead_person.id) in their order. */
    public List<Long> personIds(long lead) {
        return jdbc.sql("SELECT id FROM problem_lead_person WHERE lead_id = :l ORDER BY position").param("l", lead)
                .query(Long.class).list();
    }

    /**
     * A transfer of the lead by its body's office in a letter of its own, to {@code kind} of {@code receiverBody}
     * ({@code department} for a DEPARTMENT receiver), {@code daysAgo} days ago, still waiting for 签收; returns the
     * transfer_item id. Written as the transfer service writes it, minus the letter's document and signature.
     */
    public long transferred(long lead, ReceiverKind kind, long receiverBody, String department, int daysAgo) {
        var l = jdbc.sql("""
                SELECT l.inspection_id, i.body_id, l.title, (SELECT count(*) FROM problem_lead_person p
                WHERE p.lead_id = l.id) FROM problem_lead l JOIN inspection i ON i.id = l.inspection_id WHERE l.id = :l
                """).param("l", lead).query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getInt(4)}).single();
        OffsetDateTime at = now().minusDays(daysAgo);
        long item = transfer(SubjectKind.LEAD, lead, (Long) l[0], (Long) l[1], (String) l[2], (Integer) l[3], kind,
                receiverBody, department, at);
        jdbc.sql("UPDATE problem_lead SET transferred_at = :at, transferred_to = :to WHERE id = :l")
                .param("at", at).param("to", kind.label()).param("l", lead).update();
        return item;
    }

    /**
     * A transfer of the petition ({@link #disposedPetition}) by its body's office, as {@link #transferred} writes a
     * lead's, and intake's mark as {@code TransferablePetitions.markTransferred} sets it (the 纪委's body for a
     * DISCIPLINE receiver); returns the transfer_item id.
     */
    public long transferredPetition(long petition, ReceiverKind kind, long receiverBody, String department,
                                    int daysAgo) {
        long inspection = jdbc.sql("SELECT inspection_id FROM petition WHERE id = :p").param("p", petition)
                .query(Long.class).single();
        long body = jdbc.sql("SELECT body_id FROM inspection WHERE id = :i").param("i", inspection)
                .query(Long.class).single();
        OffsetDateTime at = now().minusDays(daysAgo);
        long item = transfer(SubjectKind.PETITION, petition, inspection, body, "信访件：违反廉洁纪律", 0, kind,
                receiverBody, department, at);
        jdbc.sql("UPDATE petition SET transferred_at = :at, transferred_to = :to, discipline_body_id = :d WHERE id = :p")
                .param("at", at).param("to", kind.label())
                .param("d", kind == ReceiverKind.DISCIPLINE ? receiverBody : null).param("p", petition).update();
        return item;
    }

    private long transfer(SubjectKind subject, long subjectId, long inspection, long body, String title,
                          int persons, ReceiverKind kind, long receiverBody, String department, OffsetDateTime at) {
        int year = LocalDate.ofInstant(at.toInstant(), clock.getZone()).getYear(); // the service's: the business year
        int seq = jdbc.sql("SELECT coalesce(max(letter_seq), 0) + 1 FROM transfer_letter WHERE body_id = :b AND letter_year = :y")
                .param("b", body).param("y", year).query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO transfer_letter (body_id, letter_year, letter_seq, letter_no, receiver_kind,
                                             receiver_body_id, receiver_department, item_count, created_by,
                                             created_by_name, created_at)
                VALUES (:b, :y, :s, :no, :k, :rb, :rd, 1, 1, '巡察办', :at)
                """).param("b", body).param("y", year).param("s", seq).param("no", "测移〔" + year + "〕" + seq + "号")
                .param("k", kind.name()).param("rb", receiverBody).param("rd", department).param("at", at).update();
        // keep the body's counter in step, so a test mixing this world with the transfer service gets no duplicate number
        if (jdbc.sql("UPDATE transfer_counter SET last_seq = :s WHERE body_id = :b AND letter_year = :y")
                .param("s", seq).param("b", body).param("y", year).update() == 0) {
            jdbc.sql("INSERT INTO transfer_counter (body_id, letter_year, last_seq) VALUES (:b, :y, :s)")
                    .param("b", body).param("y", year).param("s", seq).update();
        }
        long letter = jdbc.sql("SELECT id FROM transfer_letter WHERE body_id = :b AND letter_year = :y AND letter_seq = :s")
                .param("b", body).param("y", year).param("s", seq).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO transfer_item (subject_kind, subject_id, body_id, inspection_id, letter_id, receiver_kind,
                                           receiver_body_id, receiver_department, title, person_count, status,
                                           transferred_at, overdue, supervised, row_version, updated_at)
                VALUES (:sk, :sid, :b, :i, :letter, :k, :rb, :rd, :t, :pc, 'TRANSFERRED', :at, FALSE, FALSE, 1, :at)
                """).param("sk", subject.name()).param("sid", subjectId).param("b", body).param("i", inspection)
                .param("letter", letter).param("k", kind.name()).param("rb", receiverBody).param("rd", department)
                .param("t", title).param("pc", persons).param("at", at).update();
        long item = jdbc.sql("SELECT id FROM transfer_item WHERE subject_kind = :sk AND subject_id = :sid")
                .param("sk", subject.name()).param("sid", subjectId).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO transfer_item_route (item_id, position, letter_id, receiver_kind, receiver_body_id,
                                                 receiver_department, routed_by_name, routed_at)
                VALUES (:item, 1, :letter, :k, :rb, :rd, '巡察办', :at)
                """).param("item", item).param("letter", letter).param("k", kind.name()).param("rb", receiverBody)
                .param("rd", department).param("at", at).update();
        return item;
    }

    /** The sealing contexts of intake (Petitions.NAME_FIELD, PHONE_FIELD): a reporter sealed as intake seals one. */
    static final String REPORTER_NAME = "petition.reporter_name";
    static final String REPORTER_PHONE = "petition.reporter_phone";

    private int petitions;

    /**
     * A named petition of the inspection in handling, disposed {@code disposition} (DISCIPLINE or OTHER_DEPARTMENT
     * with its department), its reporter's name and phone sealed as intake seals them; intake's copy of the
     * inspection ({@code intake_inspection}) is written the first time. Returns the petition's id.
     */
    public long disposedPetition(long inspection, String disposition, String department, String content,
                                 String reporterName, String reporterPhone) {
        OffsetDateTime now = now();
        long body = jdbc.sql("SELECT body_id FROM inspection WHERE id = :i").param("i", inspection)
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO intake_inspection (inspection_id, body_id, round_id, team_name, form_cross, stage,
                                               stationed_on)
                SELECT i.id, :b, i.round_id, i.team_name, FALSE, 'STATIONED', :on FROM inspection i WHERE i.id = :i
                  AND NOT EXISTS (SELECT 1 FROM intake_inspection x WHERE x.inspection_id = i.id)
                """).param("b", body).param("on", today()).param("i", inspection).update();
        String receipt = w.prefix + "-receipt-" + (++petitions) + "-" + inspection;
        jdbc.sql("""
                INSERT INTO petition (inspection_id, channel, category, content, anonymous, reporter_name_sealed,
                                      reporter_phone_sealed, receipt_hash, status, in_scope, disposition,
                                      receiving_department, received_on, received_at, disposed_at, version)
                VALUES (:i, 'LETTER', 'INTEGRITY', :c, FALSE, :name, :phone, :r, 'HANDLING', :in, :d, :dep, :on,
                        :at, :at, 2)
                """).param("i", inspection).param("c", content)
                .param("name", cipher.seal(REPORTER_NAME, reporterName))
                .param("phone", cipher.seal(REPORTER_PHONE, reporterPhone)).param("r", receipt)
                .param("in", !"OTHER_DEPARTMENT".equals(disposition)).param("d", disposition)
                .param("dep", department).param("on", today()).param("at", now).update();
        return jdbc.sql("SELECT id FROM petition WHERE receipt_hash = :r").param("r", receipt).query(Long.class)
                .single();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
