package org.xuncha.rectification.feedback;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.Role;
import org.xuncha.findings.HeadingScheme;
import org.xuncha.findings.InspectionReports;
import org.xuncha.findings.ReportedFinding;
import org.xuncha.findings.ReportedFindings;
import org.xuncha.identity.AccountDirectory;
import org.xuncha.inspection.InspectionTarget;
import org.xuncha.inspection.InspectionView;
import org.xuncha.inspection.Inspections;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * 反馈意见 drafting (issue 14 §1): for an inspection whose 巡察报告 passed 党委审定, the OFFICE of its body drafts one
 * feedback per inspected main target, its items prefilled from the report's standing findings of that organization
 * (and of the extension units extended from it, 延伸), grouped under the report's level-1 headings of the target's
 * scheme, in the report's order; the opening and the closing with the office's reporting requirement
 * ({@link FeedbackTerms}) are prefilled too. The office edits the wording, leaves findings out or takes them back,
 * while the text is drafting or returned. Reads are scoped by {@link FeedbackScope}.
 */
@Service
public class FeedbackLetters {

    static final int MAX_TEXT = 8000;

    private final FeedbackRepository repository;
    private final Inspections inspections;
    private final InspectionReports reports;
    private final ReportedFindings findings;
    private final FeedbackTerms terms;
    private final AccountDirectory accounts;
    private final AuditTrail audit;
    private final Clock clock;

    FeedbackLetters(FeedbackRepository repository, Inspections inspections, InspectionReports reports,
                    ReportedFindings findings, FeedbackTerms terms, AccountDirectory accounts, AuditTrail audit,
                    Clock clock) {
        this.repository = repository;
        this.inspections = inspections;
        this.reports = reports;
        this.findings = findings;
        this.terms = terms;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ reading

    @Transactional(readOnly = true)
    public FeedbackView get(DataScope scope, long id) {
        return repository.find(id, scope).orElseThrow(() -> new NotFoundInScope("feedback " + id));
    }

    /** What a TARGET (or DISCIPLINE, ORG_DEPT) reads of a feedback in its scope: wording and headings only. */
    @Transactional(readOnly = true)
    public TargetFeedbackView delivered(DataScope scope, long id) {
        FeedbackView f = get(scope, id);
        if (!f.delivered()) {
            throw new NotFoundInScope("feedback " + id);
        }
        return TargetFeedbackView.of(f);
    }

    @Transactional(readOnly = true)
    public List<FeedbackView> list(DataScope scope) {
        return repository.list(scope, 500);
    }

    /** An inspection the office may draft feedback for, with its main targets and their feedback (if drafted). */
    public record Candidate(long inspectionId, String teamName, List<Target> targets) {
    }

    public record Target(long organizationId, String name, Long feedbackId) {
    }

    /** The office's own inspections past 撤离 with an approved report. */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(DataScope scope) {
        if (!scope.has(Role.OFFICE)) {
            return List.of();
        }
        List<Candidate> list = new ArrayList<>();
        for (FeedbackRepository.Candidate c : repository.candidateInspections(scope)) {
            if (!reports.isApproved(InspectionId.of(c.inspectionId()))) {
                continue;
            }
            Map<Long, Long> existing = repository.existing(c.inspectionId());
            List<Target> targets = inspections.targets(scope, InspectionId.of(c.inspectionId())).stream()
                    .filter(t -> !t.extension())
                    .map(t -> new Target(t.organizationId(), t.name(), existing.get(t.organizationId()))).toList();
            list.add(new Candidate(c.inspectionId(), c.teamName(), targets));
        }
        return list;
    }

    /** The report findings of the feedback's organization beside what is fed back (一对照). */
    public record Comparison(List<Row> rows, int fedBack, int reportFindings, List<Integer> notInReport) {
        public int notFedBack() {
            return reportFindings - fedBack;
        }
    }

    public record Row(long findingId, String headingLabel, String title, Integer position) {
        public boolean fedBack() {
            return position != null;
        }
    }

    @Transactional(readOnly = true)
    public Comparison comparison(DataScope scope, long id) {
        FeedbackView f = get(scope, id);
        if (!FeedbackScope.full(scope)) {
            throw new NotFoundInScope("feedback comparison " + id);
        }
        return comparison(scope, f);
    }

    Comparison comparison(DataScope scope, FeedbackView f) {
        Map<Long, Integer> positions = new HashMap<>();
        f.items().forEach(i -> positions.put(i.findingId(), i.position()));
        List<ReportedFinding> reported = reportedOf(scope, f.inspectionId(), f.organizationId());
        List<Row> rows = reported.stream().map(r -> new Row(r.id(), r.headingLabel(), r.title(),
                positions.get(r.id()))).toList();
        Set<Long> inReport = new HashSet<>();
        reported.forEach(r -> inReport.add(r.id()));
        List<Integer> notInReport = f.items().stream().filter(i -> !inReport.contains(i.findingId()))
                .map(FeedbackView.Item::position).toList();
        int fed = (int) rows.stream().filter(Row::fedBack).count();
        return new Comparison(rows, fed, rows.size(), notInReport);
    }

    /** The approved report's findings of the organization and of the extension units extended from it. */
    private List<ReportedFinding> reportedOf(DataScope scope, long inspection, long organization) {
        Set<Long> units = new HashSet<>();
        units.add(organization);
        for (InspectionTarget t : inspections.targets(scope, InspectionId.of(inspection))) {
            if (t.extension() && t.extendedFromId() == organization) {
                units.add(t.organizationId());
            }
        }
        return findings.of(scope, InspectionId.of(inspection)).stream()
                .filter(r -> units.contains(r.organizationId())).toList();
    }

    // ------------------------------------------------------------------ drafting

    @Transactional
    public long draft(DataScope scope, long inspectionId, long organizationId) {
        InspectionView v = inspections.get(scope, InspectionId.of(inspectionId));
        requireOffice(scope, v.bodyId());
        if (!reports.isApproved(InspectionId.of(v.id()))) {
            throw new UserInputException("巡察报告尚未经党委审定，不能起草反馈意见");
        }
        InspectionTarget target = inspections.targets(scope, InspectionId.of(v.id())).stream()
                .filter(t -> !t.extension() && t.organizationId() == organizationId).findFirst()
                .orElseThrow(() -> new UserInputException("该单位不是本次巡察的被巡察单位（主体单位）"));
        if (repository.existing(v.id()).containsKey(organizationId)) {
            throw new UserInputException("该单位的反馈意见已起草，请在原稿上修改");
        }
        List<ReportedFinding> reported = reportedOf(scope, v.id(), organizationId);
        HeadingScheme scheme = schemeOf(reported, target.sector());
        FeedbackTerms.Term term = terms.termOf(BodyId.of(v.bodyId()));
        String bodyName = repository.bodyName(v.bodyId());
        String name = name(scope);
        OffsetDateTime now = now();
        long id;
        try {
            id = repository.insert(v.id(), organizationId, v.bodyId(), scheme,
                    FeedbackText.title(v.teamName(), target.name()),
                    FeedbackText.opening(bodyName, v.teamName(), target.name(), v.stationedOn(), v.withdrawnOn()),
                    FeedbackText.closing(target.name(), term.planWorkingDays(), term.reportMonths()),
                    scope.user().value(), name, now);
        } catch (DuplicateKeyException race) {
            throw new UserInputException("该单位的反馈意见已起草，请在原稿上修改");
        }
        repository.replaceItems(id, reported.stream().map(r -> new FeedbackRepository.NewItem(r.id(),
                r.headingLabel(), wording(r))).toList());
        audit.success("FEEDBACK_DRAFTED", "Feedback", id, "inspection=" + v.id() + "; organization="
                + organizationId + "; problems=" + reported.size());
        return id;
    }

    /** The prefilled wording: the finding's title and the report's 现象描述 (the office edits it). */
    static String wording(ReportedFinding r) {
        String d = r.description() == null ? "" : r.description().strip();
        String t = r.title() == null ? "" : r.title().strip();
        String w = d.isEmpty() ? t : d.startsWith(t) ? d : t + "。" + d;
        return w.length() > MAX_TEXT ? w.substring(0, MAX_TEXT) : w;
    }

    /** The scheme of the target: the one its findings were headed in (the most used), else the sector's default. */
    static HeadingScheme schemeOf(List<ReportedFinding> reported, String sector) {
        Map<HeadingScheme, Integer> counts = new LinkedHashMap<>();
        reported.forEach(r -> counts.merge(r.scheme(), 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(HeadingScheme.defaultFor(sector));
    }

    /** One item as edited: the report finding it feeds back and its wording. */
    public record ItemText(Long findingId, String wording) {
    }

    @Transactional
    public void edit(DataScope scope, long id, int version, String title, String opening, String closing,
                     List<ItemText> items) {
        FeedbackView f = get(scope, id);
        requireOffice(scope, f.bodyId());
        if (!f.status().editable()) {
            throw new UserInputException("反馈意见“" + f.status().label() + "”，不能修改");
        }
        String t = text(title, "标题", 200);
        String o = text(opening, "开头部分", MAX_TEXT);
        String c = text(closing, "结尾部分（整改要求）", MAX_TEXT);
        List<ReportedFinding> reported = reportedOf(scope, f.inspectionId(), f.organizationId());
        Map<Long, String> wordings = new HashMap<>();
        int n = 0;
        for (ItemText i : items == null ? List.<ItemText>of() : items) {
            n++;
            if (i == null || i.findingId() == null || reported.stream().noneMatch(r -> r.id() == i.findingId())) {
                throw new UserInputException("第" + n + "项不是巡察报告中该单位的问题");
            }
            if (wordings.put(i.findingId(), text(i.wording(), "第" + n + "项问题的表述", MAX_TEXT)) != null) {
                throw new UserInputException("第" + n + "项与前面的问题重复");
            }
        }
        if (wordings.isEmpty()) {
            throw new UserInputException("反馈意见至少应包含一个问题");
        }
        if (!repository.updateText(f.id(), version, t, o, c, now())) {
            throw stale();
        }
        List<FeedbackRepository.NewItem> kept = new ArrayList<>();
        for (ReportedFinding r : reported) {
            String w = wordings.get(r.id());
            if (w != null) {
                kept.add(new FeedbackRepository.NewItem(r.id(), r.headingLabel(), w));
            }
        }
        repository.replaceItems(f.id(), kept);
        audit.success("FEEDBACK_EDITED", "Feedback", f.id(), "problems=" + kept.size() + "; version=" + (version + 1));
    }

    // ------------------------------------------------------------------ shared rules

    /** The office of the feedback's (or inspection's) body, which drafts, checks and delivers. */
    static void requireOffice(DataScope scope, long body) {
        if (!scope.has(Role.OFFICE) || !scope.canWrite(BodyId.of(body))) {
            throw new UserInputException("只有本机构巡察办可以办理反馈意见");
        }
    }

    static UserInputException stale() {
        return new UserInputException("反馈意见已被他人修改，请刷新后重试");
    }

    static String text(String raw, String what, int max) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            throw new UserInputException("请填写" + what);
        }
        if (s.length() > max) {
            throw new UserInputException(what + "不能超过" + max + "个字");
        }
        return s;
    }

    String name(DataScope scope) {
        return accounts.displayNames(List.of(scope.user())).getOrDefault(scope.user(), "");
    }

    OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
