package org.xuncha.findings.worklog;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.Role;
import org.xuncha.findings.WorkLogCounts;
import org.xuncha.inspection.InspectionStage;
import org.xuncha.inspection.Inspections;
import org.xuncha.inspection.TeamMemberView;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.platform.upload.CheckedUpload;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * The stationed team keeps its work logs: records, revises (by version) and withdraws them (with a reason, never
 * deleting), while its inspection is STATIONED or REPORTING; the team opens a talk's sealed interviewee and notes,
 * each opening audited. Only the inspection's own TEAM_LEADER and TEAM_MEMBER write; for anyone else the
 * inspection or the log does not exist. Every change is audited with the kind and counts, never a sealed field.
 */
@Service
public class TeamWorkLogs {

    static final String INTERVIEWEE = "work_log.interviewee";
    static final String NOTES = "work_log.notes";
    static final int MAX_TEXT = 200;
    // 10 000 characters of Chinese seal to about 40 000 base64 characters: inside notes_sealed VARCHAR(60000)
    static final int MAX_NOTES = 10_000;

    private final WorkLogRepository logs;
    private final Inspections inspections;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;

    TeamWorkLogs(WorkLogRepository logs, Inspections inspections, FieldCipher cipher, AuditTrail audit, Clock clock) {
        this.logs = logs;
        this.inspections = inspections;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- reading ------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public WorkLogView view(DataScope scope, long id) {
        return logs.find(id, scope).orElseThrow(() -> new NotFoundInScope("work log " + id));
    }

    @Transactional(readOnly = true)
    public List<WorkLogView> list(DataScope scope, Long inspection, WorkLogKind kind) {
        return logs.list(inspection, kind, scope, 500);
    }

    @Transactional(readOnly = true)
    public Map<WorkLogKind, Long> perKind(DataScope scope, Long inspection) {
        return logs.logsPerKind(inspection, scope);
    }

    @Transactional(readOnly = true)
    public WorkLogCounts counts(DataScope scope, long inspection) {
        return logs.counts(inspection, scope);
    }

    /** Whether the caller is on the log's team: who may see the sealed fields and change the log. */
    public boolean onTeam(DataScope scope, WorkLogView log) {
        return scope.hasAny(Role.TEAM_LEADER, Role.TEAM_MEMBER) && scope.onTeamOf(InspectionId.of(log.inspectionId()));
    }

    /** A talk's interviewee and notes, opened for the inspection's team; the opening is audited. */
    @Transactional
    public TalkRecord openTalk(DataScope scope, long id) {
        WorkLogView log = view(scope, id);
        String[] sealed = logs.sealedTalk(id, scope).orElseThrow(() -> new NotFoundInScope("talk " + id));
        String who = cipher.open(INTERVIEWEE + "#" + id, sealed[0]);
        String notes = sealed[1] == null ? null : cipher.open(NOTES + "#" + id, sealed[1]);
        String[] person = who == null ? new String[] {null, null} : who.split("\n", 2);
        audit.success("WORK_LOG_TALK_OPENED", "WorkLog", id, "inspection=" + log.inspectionId());
        return new TalkRecord(person[0], person.length > 1 ? person[1] : null, notes);
    }

    /** The team present for the form's choice: current members with their inspector ids and names. */
    @Transactional(readOnly = true)
    public Map<Long, String> teamChoices(DataScope scope, long inspection) {
        Map<Long, String> choices = new LinkedHashMap<>();
        for (TeamMemberView m : inspections.team(scope, InspectionId.of(inspection))) {
            if (m.current()) {
                choices.put(m.inspectorId(), m.inspectorName() == null ? m.inspectorCode() : m.inspectorName());
            }
        }
        return choices;
    }

    @Transactional(readOnly = true)
    public List<Long> presentInspectors(DataScope scope, long id) {
        view(scope, id);
        return logs.inspectorIds(id);
    }

    List<WorkLogRepository.Attachment> attachments(DataScope scope, long id) {
        return logs.attachments(id, scope);
    }

    @Transactional(readOnly = true)
    WorkLogRepository.Attachment attachment(DataScope scope, long id, long attachment) {
        return logs.attachment(id, attachment, scope)
                .orElseThrow(() -> new NotFoundInScope("work log attachment " + attachment));
    }

    // ---- writing ------------------------------------------------------------------------------------------

    /** Records a log of the caller's inspection; returns its id. */
    @Transactional
    public long record(DataScope scope, long inspection, WorkLogDraft draft, List<CheckedUpload> sheets) {
        WorkLogRepository.InspectionRow row = writableInspection(scope, inspection);
        List<CheckedUpload> files = sheets == null ? List.of() : sheets;
        check(draft, files);
        Map<Long, String> present = present(scope, inspection, draft.inspectorIds());
        OffsetDateTime at = now();
        long id = logs.insert(row.id(), draft, null, null, scope.user() == null ? null : scope.user().value(), at);
        if (draft.kind() == WorkLogKind.TALK) {
            // sealed under a context naming the row, so a value copied into another log does not open
            String[] sealed = seal(id, draft);
            logs.storeSealed(id, sealed[0], sealed[1]);
        }
        logs.replaceInspectors(id, present);
        for (CheckedUpload f : files) {
            logs.addAttachment(id, f.fileName(), f.contentType(), f.content(), at);
        }
        audit.success("WORK_LOG_RECORDED", "WorkLog", id, "inspection=" + inspection + "; logKind=" + draft.kind()
                + "; inspectors=" + present.size() + "; attachments=" + files.size());
        return id;
    }

    /** Rewrites a log at the version the caller read; a later edit in between is refused with both versions. */
    @Transactional
    public void revise(DataScope scope, long id, int version, WorkLogDraft draft) {
        WorkLogView log = changeable(scope, id, version);
        if (draft.kind() != null && draft.kind() != log.kind()) {
            throw new UserInputException("不能更改工作日志的类型（" + log.kind().label() + "）");
        }
        WorkLogDraft d = withKind(draft, log.kind());
        check(d, List.of());
        Map<Long, String> present = present(scope, log.inspectionId(), d.inspectorIds());
        OffsetDateTime at = now();
        String[] sealed = seal(id, d);
        if (logs.update(id, version, d, sealed[0], sealed[1], at) != 1) {
            throw conflict(scope, id, version);
        }
        logs.replaceInspectors(id, present);
        audit.success("WORK_LOG_REVISED", "WorkLog", id, "logKind=" + log.kind() + "; version=" + (version + 1));
    }

    /** Withdraws a log with a written reason; it stays readable, marked withdrawn, and leaves the counts. */
    @Transactional
    public void withdraw(DataScope scope, long id, int version, String reason) {
        WorkLogView log = changeable(scope, id, version);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new UserInputException("请填写撤回原因");
        }
        if (why.length() > 500) {
            throw new UserInputException("撤回原因不能超过 500 字");
        }
        log.status().withdraw();
        if (logs.withdraw(id, version, why, now()) != 1) {
            throw conflict(scope, id, version);
        }
        audit.success("WORK_LOG_WITHDRAWN", "WorkLog", id, "logKind=" + log.kind() + "; version=" + (version + 1));
    }

    // ---- rules --------------------------------------------------------------------------------------------

    private WorkLogRepository.InspectionRow writableInspection(DataScope scope, long inspection) {
        if (!scope.hasAny(Role.TEAM_LEADER, Role.TEAM_MEMBER) || !scope.onTeamOf(InspectionId.of(inspection))) {
            throw new NotFoundInScope("inspection " + inspection);
        }
        WorkLogRepository.InspectionRow row = logs.inspection(inspection)
                .orElseThrow(() -> new NotFoundInScope("inspection " + inspection));
        InspectionStage stage = row.stage();
        if (stage != InspectionStage.STATIONED && stage != InspectionStage.REPORTING) {
            throw new UserInputException("巡察处于「" + stage.label() + "」阶段，工作日志只在进驻和报告阶段记录和修改");
        }
        return row;
    }

    private WorkLogView changeable(DataScope scope, long id, int version) {
        WorkLogView log = view(scope, id);
        if (!onTeam(scope, log)) {
            throw new NotFoundInScope("work log " + id);
        }
        writableInspection(scope, log.inspectionId());
        if (!log.status().changeable()) {
            throw new UserInputException("该工作日志已撤回，不能再修改");
        }
        if (log.version() != version) {
            throw conflict(log.version(), version);
        }
        return log;
    }

    private UserInputException conflict(DataScope scope, long id, int version) {
        return conflict(view(scope, id).version(), version);
    }

    private static UserInputException conflict(int current, int sent) {
        return new UserInputException("该工作日志已被他人修改：当前为第 " + current + " 版，您提交的是第 " + sent
                + " 版，请刷新后重新编辑");
    }

    private Map<Long, String> present(DataScope scope, long inspection, List<Long> chosen) {
        Map<Long, String> team = teamChoices(scope, inspection);
        Map<Long, String> present = new LinkedHashMap<>();
        for (Long p : chosen) {
            if (p == null || !team.containsKey(p)) {
                throw new UserInputException("在场的巡察人员须是本组现有成员");
            }
            present.put(p, team.get(p));
        }
        return present;
    }

    private String[] seal(long id, WorkLogDraft d) {
        if (d.kind() != WorkLogKind.TALK) {
            return new String[] {null, null};
        }
        String person = d.intervieweeName().strip() + "\n" + d.intervieweePost().strip();
        return new String[] {cipher.seal(INTERVIEWEE + "#" + id, person),
                blank(d.notes()) ? null : cipher.seal(NOTES + "#" + id, d.notes().strip())};
    }

    private void check(WorkLogDraft d, List<CheckedUpload> files) {
        if (d == null || d.kind() == null) {
            throw new UserInputException("请选择工作日志类型");
        }
        if (d.heldOn() == null) {
            throw new UserInputException("请填写日期");
        }
        LocalDate today = LocalDate.now(clock);
        if (d.heldOn().isAfter(today)) {
            throw new UserInputException("日期不能晚于今天");
        }
        length("地点", d.place(), MAX_TEXT);
        length("事项", d.subject(), 500);
        length("期间", d.period(), 100);
        length("调阅人", d.readBy(), 100);
        length("谈话对象姓名", d.intervieweeName(), 50);
        length("谈话对象职务", d.intervieweePost(), 100);
        length("谈话记录", d.notes(), MAX_NOTES);
        nonNegative("人数", d.personsCount());
        nonNegative("发放份数", d.issuedCount());
        nonNegative("收回份数", d.returnedCount());
        nonNegative("页数", d.pages());
        if (!files.isEmpty() && d.kind() != WorkLogKind.QUESTIONNAIRE) {
            throw new UserInputException("只有意见征集/问卷可以上传扫描件");
        }
        switch (d.kind()) {
            case TALK -> {
                if (d.talkCategory() == null) {
                    throw new UserInputException("请选择谈话对象类别");
                }
                required("谈话地点", d.place());
                required("谈话对象姓名", d.intervieweeName());
                required("谈话对象职务", d.intervieweePost());
                if (d.inspectorIds().isEmpty()) {
                    throw new UserInputException("请选择在场的巡察人员");
                }
            }
            case VISIT -> {
                required("走访地点", d.place());
                requiredCount("走访人数", d.personsCount());
            }
            case QUESTIONNAIRE -> {
                requiredCount("发放份数", d.issuedCount());
                requiredCount("收回份数", d.returnedCount());
                if (d.returnedCount() > d.issuedCount()) {
                    throw new UserInputException("收回份数（" + d.returnedCount() + "）不能多于发放份数（"
                            + d.issuedCount() + "）");
                }
            }
            case RECORDS -> {
                required("调阅资料名称", d.subject());
                required("资料期间", d.period());
                requiredCount("页数", d.pages());
                required("调阅人", d.readBy());
            }
            case PERSONAL_MATTERS -> requiredCount("抽查人数", d.personsCount());
            case MEETING -> required("会议名称", d.subject());
            case GRASSROOTS -> required("下沉地点", d.place());
            default -> throw new UserInputException("请选择工作日志类型");
        }
        if (d.kind() != WorkLogKind.TALK && (!blank(d.intervieweeName()) || !blank(d.notes()))) {
            throw new UserInputException("只有个别谈话记录谈话对象和谈话记录");
        }
    }

    private static WorkLogDraft withKind(WorkLogDraft d, WorkLogKind kind) {
        return new WorkLogDraft(kind, d.heldOn(), d.place(), d.subject(), d.talkCategory(), d.inspectorIds(),
                d.intervieweeName(), d.intervieweePost(), d.notes(), d.personsCount(), d.issuedCount(),
                d.returnedCount(), d.period(), d.pages(), d.readBy());
    }

    private static void required(String what, String value) {
        if (blank(value)) {
            throw new UserInputException("请填写" + what);
        }
    }

    private static void requiredCount(String what, Integer value) {
        if (value == null) {
            throw new UserInputException("请填写" + what);
        }
    }

    private static void nonNegative(String what, Integer value) {
        if (value != null && value < 0) {
            throw new UserInputException(what + "不能为负数");
        }
    }

    private static void length(String what, String value, int max) {
        if (value != null && value.length() > max) {
            throw new UserInputException(what + "不能超过 " + max + " 字");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private OffsetDateTime now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
