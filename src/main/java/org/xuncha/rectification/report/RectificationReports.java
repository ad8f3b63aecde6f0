package org.xuncha.rectification.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.OrganizationId;
import org.xuncha.identity.AccountDirectory;
import org.xuncha.identity.PasswordReentry;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.ItemStatus;
import org.xuncha.rectification.RectificationCounts;
import org.xuncha.rectification.RectificationFigures;

/**
 * The 整改情况报告 and the 主要负责人组织落实情况报告 (issue 14 §4, last sentence; docs/domain.md "The two reports after the
 * feedback"): once a feedback is DELIVERED the TARGET of its organization opens each report, due on the feedback's
 * report_due_on (delivery + the office's report_months, default 2, set with the other feedback terms), prefilled
 * from the ledger's figures ({@link RectificationFigures}: problems, 完成 / 持续整改 / 未完成, 整改率, items by
 * state, 按期报结率, 建章立制, money); edits the text; its 主要负责人 signs ({@link #sign}: the password again through
 * {@link PasswordReentry} and the post signed as, like the plan's 签字背书; any edit voids it); submits the signed
 * report; the office of the body receives it or returns it with reasons ({@link RectificationReportStatus}).
 *
 * <p>Who: scope as the ledger's (internal.LedgerScope) — the TARGET its own organization's reports, the office,
 * LEADER, DISCIPLINE and ORG_DEPT their readable bodies' (a city office its counties'), the team its inspections';
 * only the TARGET writes and only the office of the body decides: a readable report the caller may not act on is
 * refused (403), an unreadable one is not found (404). Every change at the row version read, audited with ids only
 * (REPORT_*, object RectificationReport), and kept as a step (rectification_report_step).
 */
@Service
class RectificationReports {

    static final String OBJECT = "RectificationReport";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    static final int TEXT_MAX = 20_000;

    private final RectificationReportRepository reports;
    private final RectificationFigures figures;
    private final AccountDirectory accounts;
    private final PasswordReentry passwords;
    private final AuditTrail audit;
    private final Clock clock;

    RectificationReports(RectificationReportRepository reports, RectificationFigures figures, AccountDirectory accounts,
                         PasswordReentry passwords, AuditTrail audit, Clock clock) {
        this.reports = reports;
        this.figures = figures;
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** A delivered feedback with its reports (absent kinds not opened yet). */
    record Entry(RectificationReportRepository.Delivered feedback, Map<RectificationReportKind, RectificationReportRepository.Report> reports,
                 boolean own) {

        public boolean lateOn(LocalDate today, RectificationReportKind kind) {
            RectificationReportRepository.Report r = reports.get(kind);
            return r != null ? r.lateOn(today) : today.isAfter(feedback.reportDueOn());
        }
    }

    /** What a report page shows and what the caller may do now (the service checks again). */
    record ReportPage(RectificationReportRepository.Report report, List<ReportStep> steps, boolean late, boolean edit,
                      boolean submit, boolean decide) {
    }

    @Transactional(readOnly = true)
    ResultPage<Entry> list(DataScope scope, int page, int size) {
        ResultPage<RectificationReportRepository.Delivered> delivered = reports.deliveredPage(scope, page, size);
        List<Long> ids = delivered.items().stream().map(RectificationReportRepository.Delivered::id).toList();
        Map<Long, List<RectificationReportRepository.Report>> byFeedback = reports.ofFeedback(scope, ids).stream()
                .collect(Collectors.groupingBy(RectificationReportRepository.Report::feedbackId));
        List<Entry> entries = new ArrayList<>();
        for (RectificationReportRepository.Delivered d : delivered.items()) {
            Map<RectificationReportKind, RectificationReportRepository.Report> of = byFeedback.getOrDefault(d.id(), List.of())
                    .stream().collect(Collectors.toMap(RectificationReportRepository.Report::kind, Function.identity()));
            boolean own = scope.organization() != null && scope.has(org.xuncha.common.Role.TARGET)
                    && scope.organization().value() == d.organizationId();
            entries.add(new Entry(d, of, own));
        }
        return new ResultPage<>(entries, delivered.page(), delivered.size(), delivered.total());
    }

    @Transactional(readOnly = true)
    ReportPage page(DataScope scope, long id) {
        RectificationReportRepository.Report r = found(scope, id);
        boolean own = reports.targetOwns(scope, id);
        boolean office = reports.officeDecides(scope, id);
        boolean edit = own && r.status().editable();
        return new ReportPage(r, reports.steps(id), r.lateOn(today()), edit, edit && r.signed(),
                office && r.status().awaitsReceipt());
    }

    // ---- drafting ---------------------------------------------------------------------------------------------

    /** Opens the report of that kind for a delivered feedback of the caller's organization (or returns the open one). */
    @Transactional
    long open(DataScope scope, long feedbackId, RectificationReportKind kind) {
        RectificationReportRepository.Delivered f = reports.delivered(scope, feedbackId, true).orElseThrow(() -> {
            if (reports.delivered(scope, feedbackId, false).isPresent()) {
                return new AccessDeniedException("报告由被巡察单位起草");
            }
            return new NotFoundInScope("feedback " + feedbackId);
        });
        if (kind == null) {
            throw new UserInputException("请选择报告类别");
        }
        var existing = reports.idOf(f.id(), kind);
        if (existing.isPresent()) {
            return existing.get();
        }
        RectificationCounts counts = figures.countsOf(scope, new RectificationFigures.Query(null, null, null,
                InspectionId.of(f.inspectionId()), OrganizationId.of(f.organizationId())));
        long id = reports.insert(f, kind, title(f, kind), prefill(f, kind, counts, today()), scope.user().value(),
                actorName(scope), now());
        audit.success("RECTIFICATION_REPORT_OPENED", OBJECT, id, "feedback=" + f.id() + "; reportKind=" + kind + "; due="
                + f.reportDueOn());
        return id;
    }

    static String title(RectificationReportRepository.Delivered f, RectificationReportKind kind) {
        String unit = f.organizationName() == null ? "" : f.organizationName();
        String team = f.teamName() == null ? "巡察组" : f.teamName();
        return kind == RectificationReportKind.SITUATION
                ? unit + "关于" + team + "反馈意见整改情况的报告"
                : unit + "主要负责人关于组织落实" + team + "反馈意见整改情况的报告";
    }

    /**
     * The opening text from the ledger as of today: the counts and rates of {@link RectificationCounts} (整改率 and
     * 按期报结率 with their definitions' wording), the items by state, rules adopted and money; the TARGET writes the
     * rest. Only counts, never an item's text (the report is the organization's own account).
     */
    static String prefill(RectificationReportRepository.Delivered f, RectificationReportKind kind, RectificationCounts c,
                          LocalDate today) {
        StringBuilder t = new StringBuilder();
        String team = f.teamName() == null ? "巡察组" : f.teamName();
        t.append(f.deliveredOn() == null ? "" : f.deliveredOn().format(DATE)).append("，").append(team)
                .append("向我单位反馈了巡察意见。");
        t.append(kind == RectificationReportKind.SITUATION ? "现将整改情况报告如下。" : "本人作为整改第一责任人，现将组织落实整改情况报告如下。");
        t.append("\n一、整改总体情况\n截至").append(today.format(DATE)).append("，反馈问题").append(c.problems())
                .append("个，已完成").append(c.done()).append("个、持续整改").append(c.longTerm()).append("个、未完成")
                .append(c.undone()).append("个（其中不能整改").append(c.cannotRectify()).append("个），整改率")
                .append(c.rectificationRateShown()).append("（已完成问题数 ÷ 反馈问题数）。");
        t.append("制定整改事项").append(c.items()).append("项，其中");
        List<String> states = new ArrayList<>();
        for (ItemStatus s : ItemStatus.values()) {
            states.add(s.label() + c.items(s) + "项");
        }
        t.append(String.join("、", states)).append("；到期应报结").append(c.due()).append("项，按期报结")
                .append(c.onTime()).append("项，按期报结率").append(c.onTimeRateShown()).append("。");
        t.append("建立完善制度").append(c.rules()).append("项，退还（收缴）资金").append(c.moneyReturnedShown())
                .append("，挽回损失").append(c.lossRetrievedShown()).append("。");
        t.append(kind == RectificationReportKind.SITUATION
                ? "\n二、主要整改措施和成效\n\n三、尚未完成的问题和下一步打算\n"
                : "\n二、履行第一责任人职责、组织落实整改的情况\n\n三、下一步打算\n");
        return t.toString();
    }

    @Transactional
    void edit(DataScope scope, long id, int version, String title, String content) {
        RectificationReportRepository.Report r = editable(scope, id);
        String t = required(title, "报告标题", 200);
        String c = required(content, "报告正文", TEXT_MAX);
        if (version != r.rowVersion() || !reports.edit(id, version, t, c, now())) {
            throw stale();
        }
        audit.success("RECTIFICATION_REPORT_EDITED", OBJECT, id, "version=" + (version + 1) + "; signatureVoid=" + r.signed());
    }

    /**
     * The 主要负责人's signature before submission: the password of the TARGET account signed in with, again, and the
     * post signed as (the account alone cannot tell the 主要负责人 from the liaison; the signature records who signed as
     * what, docs/security.md "整改方案的签字背书"). A wrong password is audited as a failed REPORT_SIGNED.
     */
    @Transactional
    void sign(DataScope scope, long id, int version, String password, String post) {
        RectificationReportRepository.Report r = editable(scope, id);
        String signedAs = required(post, "签字人职务（如 党组书记）", 64);
        if (version != r.rowVersion()) {
            throw stale();
        }
        if (!passwords.confirms(scope.user(), password)) {
            audit.recordAlone(audit.entry("RECTIFICATION_REPORT_SIGNED", OBJECT, id, AuditOutcome.FAILURE, "密码不正确"));
            throw new UserInputException("密码不正确，未签字");
        }
        OffsetDateTime at = now();
        String name = actorName(scope);
        if (!reports.sign(id, version, scope.user().value(), name, signedAs, at)) {
            throw stale();
        }
        long step = reports.insertStep(id, r.round() + 1, ReportStep.Action.SIGNED, signedAs, scope.user().value(),
                name, at);
        audit.success("RECTIFICATION_REPORT_SIGNED", OBJECT, id, "step=" + step + "; version=" + (version + 1));
    }

    @Transactional
    void submit(DataScope scope, long id, int version) {
        RectificationReportRepository.Report r = editable(scope, id);
        if (version != r.rowVersion()) {
            throw stale();
        }
        if (!r.signed()) {
            throw new UserInputException("报告须经主要负责人签字后报送");
        }
        r.status().submitted();
        LocalDate today = today();
        if (!reports.submit(id, version, today, now())) {
            throw stale();
        }
        reports.insertStep(id, r.round() + 1, ReportStep.Action.SUBMITTED, null, scope.user().value(),
                actorName(scope), now());
        boolean late = (r.firstSubmittedOn() != null ? r.firstSubmittedOn() : today).isAfter(r.dueOn());
        audit.success("RECTIFICATION_REPORT_SUBMITTED", OBJECT, id, "round=" + (r.round() + 1) + "; late=" + late);
    }

    /** The office of the body receives the submitted report (final). */
    @Transactional
    void receive(DataScope scope, long id, int version) {
        RectificationReportRepository.Report r = decidable(scope, id);
        if (version != r.rowVersion()) {
            throw stale();
        }
        r.status().decided(true);
        String name = actorName(scope);
        if (!reports.receive(id, version, today(), name, now())) {
            throw stale();
        }
        reports.insertStep(id, r.round(), ReportStep.Action.RECEIVED, null, scope.user().value(), name, now());
        audit.success("RECTIFICATION_REPORT_RECEIVED", OBJECT, id, "round=" + r.round());
    }

    /** The office returns the submitted report with its reasons; the organization edits, signs and submits again. */
    @Transactional
    void giveBack(DataScope scope, long id, int version, String reason) {
        RectificationReportRepository.Report r = decidable(scope, id);
        String why = required(reason, "退回理由", 2000);
        if (version != r.rowVersion()) {
            throw stale();
        }
        r.status().decided(false);
        if (!reports.giveBack(id, version, why, now())) {
            throw stale();
        }
        reports.insertStep(id, r.round(), ReportStep.Action.RETURNED, why, scope.user().value(), actorName(scope),
                now());
        audit.success("RECTIFICATION_REPORT_RETURNED", OBJECT, id, "round=" + r.round());
    }

    // ---- shared -----------------------------------------------------------------------------------------------

    RectificationReportRepository.Report found(DataScope scope, long id) {
        return reports.find(scope, id).orElseThrow(() -> new NotFoundInScope("rectification report " + id));
    }

    private RectificationReportRepository.Report editable(DataScope scope, long id) {
        RectificationReportRepository.Report r = found(scope, id);
        if (!reports.targetOwns(scope, id)) {
            throw new AccessDeniedException("报告由被巡察单位起草、签字和报送");
        }
        if (!r.status().editable()) {
            throw new UserInputException(r.status() == RectificationReportStatus.RECEIVED
                    ? "报告已被巡察机构接收，不能再修改" : "报告已报送，退回前不能修改");
        }
        return r;
    }

    private RectificationReportRepository.Report decidable(DataScope scope, long id) {
        RectificationReportRepository.Report r = found(scope, id);
        if (!reports.officeDecides(scope, id)) {
            throw new AccessDeniedException("报告由本级巡察办接收或退回");
        }
        if (!r.status().awaitsReceipt()) {
            throw new UserInputException("报告当前为“" + r.status().label() + "”，不能接收或退回");
        }
        return r;
    }

    static String required(String raw, String what, int max) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) {
            throw new UserInputException("请填写" + what);
        }
        if (v.length() > max) {
            throw new UserInputException(what.replaceAll("（.*）", "") + "不能超过" + max + "个字");
        }
        return v;
    }

    private String actorName(DataScope scope) {
        String n = accounts.displayNames(Set.of(scope.user())).get(scope.user());
        n = n == null || n.isBlank() ? "账号" + scope.user().value() : n;
        return n.length() > 64 ? n.substring(0, 64) : n;
    }

    static UserInputException stale() {
        return new UserInputException("报告已被他人更新，请刷新页面后重试");
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
