package org.xuncha.supervision.talk;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.supervision.AccountabilityForm;
import org.xuncha.supervision.NoticeKind;
import org.xuncha.supervision.SupervisingBody;
import org.xuncha.supervision.TalkStatus;
import org.xuncha.supervision.TalkeeKind;
import org.xuncha.supervision.letter.SupervisionScope;

/**
 * The 约谈, 问责 and 通报 tables (V8_55), every read filtered in SQL: 约谈 and 问责 by SupervisionScope for the body
 * readers and never for the TARGET (they name cadres); 通报 by the body readers' bodies, and for the TARGET only the
 * published ones naming its organization. Changes at the row version read.
 */
@Repository
class TalkRepository {

    private final JdbcClient jdbc;

    TalkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Talk(long id, long bodyId, long organizationId, String organizationName, SupervisingBody talkerBody,
                String talkerName, TalkeeKind talkeeKind, String talkeeName, LocalDate talkedOn, String reason,
                String promise, TalkStatus status, String followUp, LocalDate doneOn, Long letterId, Long itemId,
                int rowVersion) {
    }

    record Accountability(long id, long bodyId, long organizationId, String organizationName, String personName,
                          String personPost, String cause, AccountabilityForm form, SupervisingBody decidedBy,
                          LocalDate decidedOn, Long itemId) {
    }

    record Notice(long id, long bodyId, NoticeKind kind, String title, String content, LocalDate noticeOn,
                  boolean published, List<String> units, int rowVersion) {
    }

    /** Talks and accountability: the body readers' scope; the TARGET reads none (they name the unit's cadres). */
    private static String cadres(DataScope scope, String alias) {
        return scope.has(Role.TARGET) ? SupervisionScope.NOTHING : SupervisionScope.readable(scope, alias);
    }

    private static String noticeScope(DataScope scope) {
        if (scope.has(Role.TARGET)) {
            return scope.organization() == null ? SupervisionScope.NOTHING
                    : " (n.published = TRUE AND EXISTS (SELECT 1 FROM supervision_notice_unit u WHERE u.notice_id = n.id"
                    + " AND u.organization_id = :ownOrganization))";
        }
        return scope.hasAny(Role.OFFICE, Role.LEADER, Role.DISCIPLINE, Role.ORG_DEPT) ? " (n.body_id IN (:readable))"
                : SupervisionScope.NOTHING;
    }

    // ---- talks -------------------------------------------------------------------------------------------------

    List<Talk> talks(DataScope scope) {
        return SupervisionScope.bind(jdbc.sql("""
                SELECT t.id, t.body_id, t.organization_id, o.name, t.talker_body, t.talker_name, t.interviewee_kind,
                       t.interviewee_name, t.talked_on, t.reason, t.promise, t.status, t.follow_up, t.done_on,
                       t.letter_id, t.item_id, t.row_version
                FROM supervision_talk t LEFT JOIN party_organization_view o ON o.id = t.organization_id
                WHERE""" + cadres(scope, "t") + " ORDER BY t.talked_on DESC, t.id DESC LIMIT 500"), scope)
                .query((rs, n) -> new Talk(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        SupervisingBody.valueOf(rs.getString(5)), rs.getString(6), TalkeeKind.valueOf(rs.getString(7)),
                        rs.getString(8), rs.getObject(9, LocalDate.class), rs.getString(10), rs.getString(11),
                        TalkStatus.valueOf(rs.getString(12)), rs.getString(13), rs.getObject(14, LocalDate.class),
                        (Long) rs.getObject(15, Long.class), (Long) rs.getObject(16, Long.class), rs.getInt(17)))
                .list();
    }

    Optional<Talk> talk(DataScope scope, long id) {
        return talks(scope).stream().filter(t -> t.id() == id).findFirst();
    }

    boolean officeWritesTalk(DataScope scope, long id) {
        return SupervisionScope.bind(jdbc.sql("SELECT count(*) FROM supervision_talk t WHERE t.id = :id AND"
                + SupervisionScope.officeWritable(scope, "t")), scope).param("id", id).query(Long.class).single() > 0;
    }

    record NewTalk(long bodyId, long organizationId, SupervisingBody talkerBody, String talkerName,
                   TalkeeKind talkeeKind, String talkeeName, LocalDate talkedOn, String reason, String promise,
                   Long letterId, Long itemId, long by, OffsetDateTime at) {
    }

    long insertTalk(NewTalk t) {
        return inserted(jdbc.sql("""
                INSERT INTO supervision_talk (body_id, organization_id, talker_body, talker_name, interviewee_kind,
                                              interviewee_name, talked_on, reason, promise, status, letter_id, item_id,
                                              row_version, created_by, created_at, updated_at)
                VALUES (:b, :o, :tb, :tn, :ik, :iname, :on, :r, :p, 'TRACKING', :l, :i, 1, :by, :at, :at)
                """).param("b", t.bodyId()).param("o", t.organizationId())
                .param("tb", t.talkerBody().name()).param("tn", t.talkerName()).param("ik", t.talkeeKind().name())
                .param("iname", t.talkeeName()).param("on", t.talkedOn()).param("r", t.reason()).param("p", t.promise())
                .param("l", t.letterId()).param("i", t.itemId()).param("by", t.by()).param("at", t.at()));
    }

    boolean followUp(long id, int version, String note, LocalDate on, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE supervision_talk SET status = 'DONE', follow_up = :n, done_on = :on,
                       row_version = row_version + 1, updated_at = :at
                WHERE id = :id AND row_version = :v AND status = 'TRACKING'
                """).param("n", note).param("on", on).param("at", at).param("id", id).param("v", version)
                .update() == 1;
    }

    /** Whether the letter is one of the organization's, in the caller's writable body. */
    boolean letterOf(DataScope scope, long letterId, long organizationId) {
        return SupervisionScope.bind(jdbc.sql("SELECT count(*) FROM supervision_letter l WHERE l.id = :id"
                + " AND l.organization_id = :o AND" + SupervisionScope.officeWritable(scope, "l")), scope)
                .param("id", letterId).param("o", organizationId).query(Long.class).single() > 0;
    }

    // ---- accountability ----------------------------------------------------------------------------------------

    List<Accountability> accountability(DataScope scope) {
        return SupervisionScope.bind(jdbc.sql("""
                SELECT a.id, a.body_id, a.organization_id, o.name, a.person_name, a.person_post, a.cause, a.form,
                       a.decided_by, a.decided_on, a.item_id
                FROM supervision_accountability a LEFT JOIN party_organization_view o ON o.id = a.organization_id
                WHERE""" + cadres(scope, "a") + " ORDER BY a.decided_on DESC, a.id DESC LIMIT 500"), scope)
                .query((rs, n) -> new Accountability(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), AccountabilityForm.valueOf(rs.getString(8)),
                        SupervisingBody.valueOf(rs.getString(9)), rs.getObject(10, LocalDate.class),
                        (Long) rs.getObject(11, Long.class))).list();
    }

    record NewAccountability(long bodyId, long organizationId, String personName, String personPost, String cause,
                             AccountabilityForm form, SupervisingBody decidedBy, LocalDate decidedOn, Long itemId,
                             long by, OffsetDateTime at) {
    }

    long insertAccountability(NewAccountability a) {
        return inserted(jdbc.sql("""
                INSERT INTO supervision_accountability (body_id, organization_id, person_name, person_post, cause, form,
                                                        decided_by, decided_on, item_id, row_version, created_by,
                                                        created_at)
                VALUES (:b, :o, :n, :p, :c, :f, :d, :on, :i, 1, :by, :at)
                """).param("b", a.bodyId()).param("o", a.organizationId()).param("n", a.personName())
                .param("p", a.personPost()).param("c", a.cause()).param("f", a.form().name())
                .param("d", a.decidedBy().name()).param("on", a.decidedOn()).param("i", a.itemId())
                .param("by", a.by()).param("at", a.at()));
    }

    // ---- notices -----------------------------------------------------------------------------------------------

    List<Notice> notices(DataScope scope) {
        List<Notice> list = SupervisionScope.bind(jdbc.sql("""
                SELECT n.id, n.body_id, n.kind, n.title, n.content, n.notice_on, n.published, n.row_version
                FROM supervision_notice n WHERE""" + noticeScope(scope) + " ORDER BY n.notice_on DESC, n.id DESC LIMIT 500"),
                scope).query((rs, n) -> new Notice(rs.getLong(1), rs.getLong(2), NoticeKind.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getBoolean(7), List.of(),
                rs.getInt(8))).list();
        return list.stream().map(n -> new Notice(n.id(), n.bodyId(), n.kind(), n.title(), n.content(), n.noticeOn(),
                n.published(), units(n.id()), n.rowVersion())).toList();
    }

    private List<String> units(long noticeId) {
        return jdbc.sql("SELECT o.name FROM supervision_notice_unit u JOIN party_organization_view o"
                        + " ON o.id = u.organization_id WHERE u.notice_id = :n ORDER BY o.name")
                .param("n", noticeId).query(String.class).list();
    }

    boolean officeWritesNotice(DataScope scope, long id) {
        return SupervisionScope.bind(jdbc.sql("SELECT count(*) FROM supervision_notice t WHERE t.id = :id AND"
                + SupervisionScope.officeWritable(scope, "t")), scope).param("id", id).query(Long.class).single() > 0;
    }

    long insertNotice(long bodyId, NoticeKind kind, String title, String content, LocalDate on, List<Long> units,
                      long by, OffsetDateTime at) {
        long id = inserted(jdbc.sql("""
                INSERT INTO supervision_notice (body_id, kind, title, content, notice_on, published, row_version,
                                                created_by, created_at, updated_at)
                VALUES (:b, :k, :t, :c, :on, FALSE, 1, :by, :at, :at)
                """).param("b", bodyId).param("k", kind.name()).param("t", title).param("c", content).param("on", on)
                .param("by", by).param("at", at));
        for (Long u : units) {
            jdbc.sql("INSERT INTO supervision_notice_unit (notice_id, organization_id) VALUES (:n, :o)")
                    .param("n", id).param("o", u).update();
        }
        return id;
    }

    boolean publish(long id, int version, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE supervision_notice SET published = TRUE, row_version = row_version + 1, updated_at = :at
                WHERE id = :id AND row_version = :v AND published = FALSE
                """).param("at", at).param("id", id).param("v", version).update() == 1;
    }

    /** Organizations' bodies, to check every named unit is of the office's writable body. */
    List<Long> bodiesOf(List<Long> organizations) {
        if (organizations.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT body_id FROM party_organization_view WHERE id IN (:ids)").param("ids", organizations)
                .query(Long.class).list();
    }

    private static long inserted(JdbcClient.StatementSpec insert) {
        org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        insert.update(keys, "id");
        return keys.getKeyAs(Long.class);
    }
}
