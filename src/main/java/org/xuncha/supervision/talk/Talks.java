package org.xuncha.supervision.talk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.OrganizationId;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.LedgerItemsOfOrganization;
import org.xuncha.supervision.AccountabilityForm;
import org.xuncha.supervision.NoticeKind;
import org.xuncha.supervision.SupervisingBody;
import org.xuncha.supervision.TalkeeKind;
import org.xuncha.supervision.letter.SupervisionScope;

/**
 * 约谈, 问责 and 通报 (issue 15 §1): the office of the body records a 约谈 of an organization of its own body (who talked
 * — 巡察办, 纪委监委 or 组织部 — to whom — its 一把手 or a 分管领导 —, when, why, what was promised; optionally tied to
 * one of its ledger items or letters) and follows it up (待跟踪 → 已落实); records a 问责 (the cadre's name and post
 * as text, what for, the form, the deciding body, the date); drafts a 通报 of units (praise or criticism) and
 * publishes it to the units it names. The cadres' names are never written to the audit log — records carry ids and
 * codes only. Reading: the body readers by SupervisionScope; the TARGET reads no 约谈 and no 问责, and only published
 * 通报 naming its organization.
 */
@Service
class Talks {

    static final String TALK = "SupervisionTalk";
    static final String ACCOUNTABILITY = "SupervisionAccountability";
    static final String NOTICE = "SupervisionNotice";

    private final TalkRepository talks;
    private final LedgerItemsOfOrganization ledger;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Talks(TalkRepository talks, LedgerItemsOfOrganization ledger, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.talks = talks;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A 约谈 as the office enters it. */
    record TalkEntry(long organizationId, SupervisingBody talkerBody, String talkerName, TalkeeKind talkeeKind,
                     String talkeeName, LocalDate talkedOn, String reason, String promise, Long letterId,
                     Long itemId) {
    }

    /** A 问责 as the office enters it. */
    record AccountabilityEntry(long organizationId, String personName, String personPost, String cause,
                               AccountabilityForm form, SupervisingBody decidedBy, LocalDate decidedOn, Long itemId) {
    }

    @Transactional(readOnly = true)
    List<TalkRepository.Talk> talks(DataScope scope) {
        return talks.talks(scope);
    }

    @Transactional(readOnly = true)
    List<TalkRepository.Accountability> accountability(DataScope scope) {
        return talks.accountability(scope);
    }

    @Transactional(readOnly = true)
    List<TalkRepository.Notice> notices(DataScope scope) {
        return talks.notices(scope);
    }

    @Transactional
    long recordTalk(DataScope scope, TalkEntry e) {
        long body = writableOrganization(scope, e.organizationId());
        if (e.talkerBody() == null) {
            throw new UserInputException("请选择约谈机关（巡察办、纪委监委或组织部）");
        }
        if (e.talkeeKind() == null) {
            throw new UserInputException("请选择约谈对象（一把手或分管领导）");
        }
        String talker = required(e.talkerName(), "约谈人", 64);
        String talkee = required(e.talkeeName(), "被约谈人", 64);
        LocalDate on = pastOrToday(e.talkedOn(), "约谈日期");
        String reason = required(e.reason(), "约谈事由", 2000);
        String promise = required(e.promise(), "表态承诺事项", 2000);
        if (e.letterId() != null && !talks.letterOf(scope, e.letterId(), e.organizationId())) {
            throw new UserInputException("所选函件不是该单位的函件");
        }
        checkItem(scope, e.organizationId(), e.itemId());
        long id = talks.insertTalk(new TalkRepository.NewTalk(body, e.organizationId(), e.talkerBody(), talker,
                e.talkeeKind(), talkee, on, reason, promise, e.letterId(), e.itemId(), scope.user().value(), now()));
        audit.success("SUPERVISION_TALK_RECORDED", TALK, id, "organization=" + e.organizationId() + "; talkerBody="
                + e.talkerBody() + "; talkeeKind=" + e.talkeeKind());
        return id;
    }

    /** Records that what was promised was done (已落实, final). */
    @Transactional
    void followUp(DataScope scope, long id, int version, String note) {
        TalkRepository.Talk t = talks.talk(scope, id).orElseThrow(() -> new NotFoundInScope("talk " + id));
        if (!talks.officeWritesTalk(scope, id)) {
            throw new AccessDeniedException("约谈跟踪由本级巡察办记录");
        }
        if (!t.status().canFollowUp()) {
            throw new UserInputException("该约谈的承诺事项已落实");
        }
        String n = required(note, "落实情况", 2000);
        t.status().followedUp();
        if (version != t.rowVersion() || !talks.followUp(id, version, n, today(), now())) {
            throw new UserInputException("约谈记录已被他人更新，请刷新页面后重试");
        }
        audit.success("SUPERVISION_TALK_FOLLOWED_UP", TALK, id, "version=" + (version + 1));
    }

    @Transactional
    long recordAccountability(DataScope scope, AccountabilityEntry e) {
        long body = writableOrganization(scope, e.organizationId());
        String name = required(e.personName(), "被问责人姓名", 64);
        String post = required(e.personPost(), "被问责人职务", 100);
        String cause = required(e.cause(), "问责事由", 2000);
        if (e.form() == null) {
            throw new UserInputException("请选择问责方式");
        }
        if (e.decidedBy() == null) {
            throw new UserInputException("请选择作出问责决定的机关");
        }
        LocalDate on = pastOrToday(e.decidedOn(), "问责决定日期");
        checkItem(scope, e.organizationId(), e.itemId());
        long id = talks.insertAccountability(new TalkRepository.NewAccountability(body, e.organizationId(), name, post,
                cause, e.form(), e.decidedBy(), on, e.itemId(), scope.user().value(), now()));
        audit.success("SUPERVISION_ACCOUNTABILITY_RECORDED", ACCOUNTABILITY, id, "organization=" + e.organizationId()
                + "; form=" + e.form() + "; decidedBy=" + e.decidedBy());
        return id;
    }

    /** Drafts a 通报 naming units of the office's own body; it is seen by them once published. */
    @Transactional
    long draftNotice(DataScope scope, NoticeKind kind, String title, String content, LocalDate on, List<Long> units) {
        requireOffice(scope);
        if (kind == null) {
            throw new UserInputException("请选择通报类别（表扬或批评）");
        }
        String t = required(title, "通报标题", 200);
        String c = required(content, "通报内容", 8000);
        LocalDate date = pastOrToday(on, "通报日期");
        List<Long> named = List.copyOf(new LinkedHashSet<>(units == null ? List.<Long>of() : units));
        if (named.isEmpty()) {
            throw new UserInputException("请选择被通报的单位");
        }
        List<Long> bodies = talks.bodiesOf(named);
        if (bodies.size() != named.size() || bodies.stream().anyMatch(b -> !scope.canWrite(BodyId.of(b)))) {
            throw new UserInputException("被通报的单位须是本巡察机构监督范围内的单位");
        }
        // every named unit is of a writable body; the notice belongs to the first one's (an office writes one body)
        long id = talks.insertNotice(bodies.get(0), kind, t, c, date, named, scope.user().value(), now());
        audit.success("SUPERVISION_NOTICE_DRAFTED", NOTICE, id, "noticeKind=" + kind + "; units=" + named.size());
        return id;
    }

    @Transactional
    void publish(DataScope scope, long id, int version) {
        TalkRepository.Notice n = talks.notices(scope).stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundInScope("notice " + id));
        if (!talks.officeWritesNotice(scope, id)) {
            throw new AccessDeniedException("通报由本级巡察办发布");
        }
        if (n.published()) {
            throw new UserInputException("通报已发布");
        }
        if (version != n.rowVersion() || !talks.publish(id, version, now())) {
            throw new UserInputException("通报已被他人更新，请刷新页面后重试");
        }
        audit.success("SUPERVISION_NOTICE_PUBLISHED", NOTICE, id, "units=" + n.units().size());
    }

    // ---- shared ------------------------------------------------------------------------------------------------

    /** The organization's body when the caller is the office of it; refused with a Chinese message otherwise. */
    private long writableOrganization(DataScope scope, long organizationId) {
        requireOffice(scope);
        Long body = jdbc.sql("SELECT body_id FROM party_organization_view WHERE id = :id").param("id", organizationId)
                .query(Long.class).optional().orElseThrow(() -> new UserInputException("请选择被巡察单位"));
        if (!scope.canWrite(BodyId.of(body))) {
            throw new UserInputException("该单位不在本巡察机构的监督范围内");
        }
        return body;
    }

    private void checkItem(DataScope scope, long organizationId, Long itemId) {
        if (itemId != null && ledger.itemsOf(scope, OrganizationId.of(organizationId)).stream()
                .noneMatch(i -> i.id().value() == itemId)) {
            throw new UserInputException("所选整改事项不是该单位的事项");
        }
    }

    private static void requireOffice(DataScope scope) {
        if (!SupervisionScope.writesAsOffice(scope)) {
            throw new AccessDeniedException("由巡察办记录");
        }
    }

    private LocalDate pastOrToday(LocalDate on, String what) {
        if (on == null) {
            throw new UserInputException("请填写" + what);
        }
        if (on.isAfter(today())) {
            throw new UserInputException(what + "不能晚于今天");
        }
        return on;
    }

    static String required(String raw, String what, int max) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) {
            throw new UserInputException("请填写" + what);
        }
        if (v.length() > max) {
            throw new UserInputException(what + "不能超过" + max + "个字");
        }
        return v;
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
