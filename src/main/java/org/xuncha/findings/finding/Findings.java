package org.xuncha.findings.finding;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.Role;
import org.xuncha.findings.HeadingScheme;
import org.xuncha.findings.taxonomy.FindingTaxonomy;
import org.xuncha.findings.taxonomy.HeadingItem;
import org.xuncha.findings.taxonomy.TopicTag;
import org.xuncha.inspection.InspectionStage;
import org.xuncha.inspection.Inspections;
import org.xuncha.inspection.TeamMemberView;
import org.xuncha.people.TeamRole;
import org.xuncha.platform.upload.CheckedUpload;
import org.xuncha.platform.upload.UploadRefused;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;

/**
 * Findings (问题) of an inspection: formed from one APPROVED working paper of the same inspection (一事一稿: a paper
 * gives at most one finding), classified under the heading scheme of the organization's sector (the office's
 * choice; a finding may use another scheme) with an active item of that scheme the office sees, a 六大纪律 tag, topic
 * tags, severity and the 重点 flag; amounts are copied from the paper. 立行立改 records that it was rectified during
 * the inspection, with date, note and checked evidence — counted as rectified from the start.
 *
 * <p>Who may do what: the team's current LEADER and DEPUTY (TEAM_LEADER or TEAM_MEMBER accounts holding that team
 * role) form, edit, withdraw and record 立行立改, while the inspection is STATIONED or REPORTING; other members, the
 * office and the leading group of the body read; everybody else reads nothing ({@link NotFoundInScope}). A readable
 * finding the caller may not change is refused with {@link AccessDeniedException}. Changes check the row version
 * the caller read, are audited, and never delete.
 */
@Service
class Findings {

    private final FindingRepository findings;
    private final FindingTaxonomy taxonomy;
    private final Inspections inspections;
    private final AuditTrail audit;
    private final Clock clock;

    Findings(FindingRepository findings, FindingTaxonomy taxonomy, Inspections inspections, AuditTrail audit,
             Clock clock) {
        this.findings = findings;
        this.taxonomy = taxonomy;
        this.inspections = inspections;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- reading ------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    FindingView get(DataScope scope, long id) {
        return findings.find(id, scope).orElseThrow(() -> new NotFoundInScope("finding " + id));
    }

    @Transactional(readOnly = true)
    ResultPage<FindingView> list(DataScope scope, long inspectionId, FindingFilter filter, int page, int size) {
        inspection(scope, inspectionId);
        return findings.list(inspectionId, filter == null ? FindingFilter.none() : filter, scope, page, size);
    }

    @Transactional(readOnly = true)
    List<FindingRepository.InspectionRef> readableInspections(DataScope scope) {
        return findings.readableInspections(scope);
    }

    @Transactional(readOnly = true)
    FindingRepository.InspectionRef inspection(DataScope scope, long inspectionId) {
        return findings.inspection(inspectionId, scope)
                .orElseThrow(() -> new NotFoundInScope("inspection " + inspectionId));
    }

    @Transactional(readOnly = true)
    FindingRepository.Paper paper(DataScope scope, long paperId) {
        return findings.paper(paperId, scope).orElseThrow(() -> new NotFoundInScope("working paper " + paperId));
    }

    @Transactional(readOnly = true)
    List<FindingRepository.Target> targets(DataScope scope, long inspectionId) {
        return findings.targets(inspection(scope, inspectionId).id());
    }

    /** The finding formed from a paper the caller reads, if any. */
    @Transactional(readOnly = true)
    java.util.Optional<Long> findingOf(DataScope scope, long paperId) {
        return findings.paper(paperId, scope).map(FindingRepository.Paper::findingId);
    }

    /** Read-write: the download's audit record is written in this transaction. */
    @Transactional
    FindingRepository.FileContent file(DataScope scope, long id, long fileId) {
        FindingRepository.FileContent file = findings.file(id, fileId, scope)
                .orElseThrow(() -> new NotFoundInScope("finding file " + fileId));
        audit.success("FINDING_FILE_DOWNLOADED", "Finding", id, "file=" + fileId);
        return file;
    }

    /** Whether the caller forms and changes findings of the inspection now (its leader or deputy, right stage). */
    @Transactional(readOnly = true)
    boolean canWrite(DataScope scope, long inspectionId) {
        return findings.inspection(inspectionId, scope).filter(r -> writableStage(r.stage()))
                .map(r -> leaderOrDeputy(scope, inspectionId) != null).orElse(false);
    }

    // ---- writing ------------------------------------------------------------------------------------------

    /** 形成问题 from an approved paper of the inspection. */
    @Transactional
    long create(DataScope scope, long paperId, FindingDraft draft) {
        FindingRepository.Paper paper = paper(scope, paperId);
        FindingRepository.InspectionRef ref = inspection(scope, paper.inspectionId());
        TeamMemberView actor = writer(scope, ref);
        if (!paper.approved()) {
            throw new UserInputException("底稿" + paper.paperNo() + "尚未审定或已撤回，只有组长审定的底稿才能形成问题");
        }
        if (paper.findingId() != null) {
            throw new UserInputException("底稿" + paper.paperNo() + "已形成问题（一事一稿），不能重复形成");
        }
        FindingRepository.Content c = check(scope, ref, draft, paper);
        OffsetDateTime now = now();
        long id;
        try {
            id = findings.insert(ref.id(), paper.id(), c, paper.illegalFen(), paper.lossFen(),
                    scope.user().value(), name(actor), now);
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // a concurrent 形成问题 from the same paper won on finding_paper_uk; this transaction rolls back
            throw new UserInputException("底稿" + paper.paperNo() + "已形成问题（一事一稿），不能重复形成");
        }
        audit.success("FINDING_CREATED", "Finding", id, "inspection=" + ref.id() + "; paper=" + paper.paperNo()
                + "; scheme=" + c.scheme() + "; heading=" + c.headingId() + "; severity=" + c.severity());
        return id;
    }

    @Transactional
    void edit(DataScope scope, long id, int rowVersion, FindingDraft draft) {
        FindingView f = get(scope, id);
        FindingRepository.InspectionRef ref = inspection(scope, f.inspectionId());
        writer(scope, ref);
        editable(f);
        checkVersion(f, rowVersion);
        FindingRepository.Content c = check(scope, ref, draft, null);
        if (!findings.update(f.id(), rowVersion, c, now())) {
            throw stale(f.id());
        }
        audit.success("FINDING_EDITED", "Finding", f.id(), "scheme=" + c.scheme() + "; heading=" + c.headingId()
                + "; severity=" + c.severity());
    }

    /** 立行立改: the finding was rectified during the inspection; files add to those already kept. */
    @Transactional
    void rectify(DataScope scope, long id, int rowVersion, RectificationDraft draft) {
        FindingView f = get(scope, id);
        FindingRepository.InspectionRef ref = inspection(scope, f.inspectionId());
        TeamMemberView actor = writer(scope, ref);
        editable(f);
        checkVersion(f, rowVersion);
        LocalDate on = draft.rectifiedOn();
        if (on == null) {
            throw new UserInputException("请填写立行立改的整改日期");
        }
        if (on.isAfter(today())) {
            throw new UserInputException("整改日期不能晚于今天");
        }
        if (ref.stationedOn() != null && on.isBefore(ref.stationedOn())) {
            throw new UserInputException("整改日期不能早于巡察组进驻日期（" + ref.stationedOn() + "）");
        }
        String note = required(draft.note(), "请填写立行立改的整改情况", "整改情况", 2000);
        List<CheckedUpload> files = new ArrayList<>();
        try {
            FindingUploads.checkCount(f.files().size() + draft.files().size());
            for (RectificationDraft.Upload u : draft.files()) {
                files.add(FindingUploads.check(u.name(), u.bytes()));
            }
        } catch (UploadRefused refused) {
            throw new UserInputException("佐证材料：" + refused.getMessage());
        }
        if (files.isEmpty() && f.files().isEmpty()) {
            throw new UserInputException("立行立改须上传至少一份佐证材料");
        }
        OffsetDateTime now = now();
        if (!findings.rectify(f.id(), rowVersion, on, note, scope.user().value(), name(actor), now)) {
            throw stale(f.id());
        }
        for (CheckedUpload u : files) {
            findings.insertFile(f.id(), u.fileName(), u.contentType(), u.content(), now);
        }
        audit.success("FINDING_RECTIFIED", "Finding", f.id(), "on=" + on + "; files=" + files.size());
    }

    /** 撤回 with a reason: the row stays, no longer counted. */
    @Transactional
    void withdraw(DataScope scope, long id, int rowVersion, String reason) {
        FindingView f = get(scope, id);
        writer(scope, inspection(scope, f.inspectionId()));
        if (!f.status().canMoveTo(FindingStatus.WITHDRAWN)) {
            throw new UserInputException("问题处于“" + f.status().label() + "”，不能撤回");
        }
        checkVersion(f, rowVersion);
        String r = required(reason, "撤回须填写理由", "撤回理由", 500);
        if (!findings.withdraw(f.id(), rowVersion, r, now())) {
            throw stale(f.id());
        }
        audit.success("FINDING_WITHDRAWN", "Finding", f.id(), "from=" + f.status() + "; to="
                + FindingStatus.WITHDRAWN);
    }

    // ---- checking -------------------------------------------------------------------------------------------

    private FindingRepository.Content check(DataScope scope, FindingRepository.InspectionRef ref, FindingDraft d,
                                            FindingRepository.Paper paper) {
        String title = d.title() == null || d.title().isBlank() ? paper == null ? null : paper.title() : d.title();
        String description = d.description() == null || d.description().isBlank()
                ? paper == null ? null : paper.facts() : d.description();
        title = required(title, "请填写问题标题", "问题标题", 200);
        description = required(description, "请填写问题描述", "问题描述", 8000);
        if (d.organizationId() == null) {
            throw new UserInputException("请选择问题所在单位（被巡察单位或延伸单位）");
        }
        FindingRepository.Target target = findings.targets(ref.id()).stream()
                .filter(t -> t.organizationId() == d.organizationId()).findFirst()
                .orElseThrow(() -> new UserInputException("所选单位不是本次巡察的被巡察单位或延伸单位"));
        HeadingScheme scheme = d.scheme() != null ? d.scheme() : taxonomy.schemeFor(scope, target.sector());
        if (d.headingId() == null) {
            throw new UserInputException("请选择问题标题（" + scheme.label() + "）");
        }
        Map<Long, HeadingItem> items = new HashMap<>();
        for (FindingTaxonomy.Scheme s : taxonomy.schemes(scope)) {
            collect(s.items(), items);
        }
        HeadingItem item = items.get(d.headingId());
        if (item == null) {
            throw new UserInputException("所选问题标题不存在或不属于本机构，请重新选择");
        }
        if (item.scheme() != scheme) {
            throw new UserInputException("所选问题标题属于“" + item.scheme().label() + "”，与本问题采用的“"
                    + scheme.label() + "”不一致");
        }
        HeadingItem root = item;
        while (true) {
            if (!root.active()) {
                throw new UserInputException("所选问题标题“" + root.label() + "”已停用，请重新选择");
            }
            if (root.parentId() == null) {
                break;
            }
            root = items.get(root.parentId());
            if (root == null) {
                throw new UserInputException("所选问题标题不存在或不属于本机构，请重新选择");
            }
        }
        if (d.severity() == null) {
            throw new UserInputException("请选择问题的严重程度");
        }
        Map<Long, TopicTag> tags = new HashMap<>();
        taxonomy.tags(scope).forEach(t -> tags.put(t.id(), t));
        for (Long tagId : d.topicTagIds()) {
            TopicTag t = tags.get(tagId);
            if (t == null || !t.active()) {
                throw new UserInputException("所选专题标签不存在或已停用，请重新选择");
            }
        }
        return new FindingRepository.Content(title, description, target.organizationId(), scheme, item.id(),
                root.id(), d.discipline(), d.severity(), d.keyProblem(), d.topicTagIds());
    }

    private static void collect(List<FindingTaxonomy.Node> nodes, Map<Long, HeadingItem> into) {
        for (FindingTaxonomy.Node n : nodes) {
            into.put(n.item().id(), n.item());
            collect(n.children(), into);
        }
    }

    private static void editable(FindingView f) {
        if (!f.status().editable()) {
            throw new UserInputException("问题处于“" + f.status().label() + "”，不能修改");
        }
    }

    private void checkVersion(FindingView f, int rowVersion) {
        if (f.rowVersion() != rowVersion) {
            throw stale(f.id());
        }
    }

    private UserInputException stale(long id) {
        int current = findings.rowVersion(id).orElse(0);
        return new UserInputException("该问题已被他人修改（当前为第" + current + "版），请刷新后在第" + current + "版基础上重试");
    }

    private static boolean writableStage(InspectionStage stage) {
        return stage == InspectionStage.STATIONED || stage == InspectionStage.REPORTING;
    }

    /** The caller as the team's current leader or deputy, in a stage where findings are formed. */
    private TeamMemberView writer(DataScope scope, FindingRepository.InspectionRef ref) {
        TeamMemberView m = leaderOrDeputy(scope, ref.id());
        if (m == null) {
            throw new AccessDeniedException("findings of inspection " + ref.id() + " are read-only here");
        }
        if (!writableStage(ref.stage())) {
            throw new UserInputException("问题在巡察组进驻至报告阶段形成，本次巡察当前处于“" + ref.stage().label() + "”阶段");
        }
        return m;
    }

    private TeamMemberView leaderOrDeputy(DataScope scope, long inspectionId) {
        if (!scope.hasAny(Role.TEAM_LEADER, Role.TEAM_MEMBER) || scope.hasAny(Role.TARGET, Role.COLLABORATOR)
                || !scope.onTeamOf(InspectionId.of(inspectionId))) {
            return null;
        }
        return inspections.team(scope, InspectionId.of(inspectionId)).stream()
                .filter(TeamMemberView::current)
                .filter(m -> m.role() == TeamRole.LEADER || m.role() == TeamRole.DEPUTY)
                .filter(m -> m.userId() != null && m.userId() == scope.user().value())
                .findFirst().orElse(null);
    }

    private static String name(TeamMemberView m) {
        if (m.inspectorName() != null && !m.inspectorName().isBlank()) {
            return m.inspectorName();
        }
        return m.username() != null ? m.username() : "账号" + m.userId();
    }

    static String required(String value, String missing, String what, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new UserInputException(missing);
        }
        if (v.length() > max) {
            throw new UserInputException(what + "最多 " + max + " 字");
        }
        return v;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
