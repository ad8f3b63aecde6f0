package org.xuncha.supervision.evaluation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.OrganizationId;
import org.xuncha.common.Role;
import org.xuncha.common.UserId;
import org.xuncha.identity.AccountDirectory;
import org.xuncha.inspection.InspectionView;
import org.xuncha.inspection.Inspections;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.InspectionRedCardFigures;
import org.xuncha.rectification.RectificationCounts;
import org.xuncha.rectification.RectificationFigures;
import org.xuncha.supervision.EvaluationConcluded;
import org.xuncha.supervision.EvaluationConsequence;
import org.xuncha.supervision.EvaluationId;

/**
 * 整改质效评估 (issue 15 §4). The office of the inspection's body opens an evaluation of an inspection with a published
 * model version and an evaluation group (team accounts of its body): one sheet per organization the inspection's
 * feedback was delivered to. The automatic indicators fill themselves from rectification's figures (read under the
 * opening office's scope, kept on the sheet as counts; the office may re-read them while the sheet is scored); the
 * group scores the rest, a reason required for any deduction, a score outside 0..weight refused. Submitting computes
 * the total (the sum), the 一票否决 and the grade; the office confirms (or returns) a submitted sheet, and confirming
 * records the grade's consequences as actions to take and publishes {@link EvaluationConcluded}. Every change is
 * audited with ids and codes at the row version read.
 */
@Service
class Evaluations {

    static final String OBJECT = "Evaluation";
    static final String SHEET = "EvaluationSheet";
    static final String ACTION = "EvaluationAction";
    static final int REASON_MAX = 1000;

    private final EvaluationRepository evaluations;
    private final ModelRepository models;
    private final Inspections inspections;
    private final RectificationFigures figures;
    private final InspectionRedCardFigures redCards;
    private final AccountDirectory accounts;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    Evaluations(EvaluationRepository evaluations, ModelRepository models, Inspections inspections,
                RectificationFigures figures, InspectionRedCardFigures redCards, AccountDirectory accounts,
                ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
        this.evaluations = evaluations;
        this.models = models;
        this.inspections = inspections;
        this.figures = figures;
        this.redCards = redCards;
        this.accounts = accounts;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** One indicator on a sheet: what it is and what it got. */
    record Line(long indicatorId, ModelDefinition.Indicator indicator, EvaluationRepository.Score score) {

        public boolean scored() {
            return score != null && score.score() != null;
        }

        /** The group scores it: a manual indicator, or an automatic one whose figure had nothing to count. */
        public boolean byGroup() {
            return !indicator.automatic() || (score == null || score.score() == null);
        }
    }

    record SheetPage(EvaluationRepository.SheetRow sheet, ModelDefinition model, List<Line> lines,
                     List<EvaluationRepository.ActionRow> actions, BigDecimal runningTotal) {

        public long unscored() {
            return lines.stream().filter(l -> !l.scored()).count();
        }
    }

    record EvaluationPage(EvaluationRepository.EvaluationRow evaluation, List<EvaluationRepository.SheetRow> sheets,
                          List<String> members, boolean office, ModelDefinition model) {
    }

    @Transactional(readOnly = true)
    List<EvaluationRepository.SheetRow> sheets(DataScope scope) {
        return evaluations.sheets(scope, null);
    }

    @Transactional(readOnly = true)
    EvaluationRepository.SheetRow sheet(DataScope scope, long id) {
        return evaluations.sheet(id, scope).orElseThrow(() -> new NotFoundInScope("evaluation sheet " + id));
    }

    @Transactional(readOnly = true)
    EvaluationPage evaluation(DataScope scope, long id) {
        EvaluationRepository.EvaluationRow e = evaluations.evaluation(id, scope)
                .orElseThrow(() -> new NotFoundInScope("evaluation " + id));
        List<EvaluationRepository.SheetRow> sheets = evaluations.sheets(scope, id);
        boolean office = scope.has(Role.OFFICE) && scope.canWrite(BodyId.of(e.bodyId()));
        List<String> members = List.of();
        if (office || sheets.stream().anyMatch(EvaluationRepository.SheetRow::scorer)) {
            Map<UserId, String> names = accounts.displayNames(evaluations.members(id).stream().map(UserId::of)
                    .toList());
            members = names.values().stream().sorted().toList();
        }
        return new EvaluationPage(e, sheets, members, office, models.content(e.modelId()).definition());
    }

    @Transactional(readOnly = true)
    SheetPage page(DataScope scope, long id) {
        EvaluationRepository.SheetRow s = sheet(scope, id);
        ModelRepository.Content content = models.content(s.modelId());
        Map<Long, EvaluationRepository.Score> scores = evaluations.scores(id);
        List<Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (ModelRepository.StoredIndicator i : content.indicators()) {
            EvaluationRepository.Score score = scores.get(i.id());
            lines.add(new Line(i.id(), i.indicator(), score));
            if (score != null && score.score() != null) {
                total = total.add(score.score());
            }
        }
        return new SheetPage(s, content.definition(), lines, evaluations.actions(id, scope), total);
    }

    /** The office opens an evaluation of the inspection with a published model and its evaluation group. */
    @Transactional
    long open(DataScope scope, long inspectionId, long modelId, Set<Long> memberIds) {
        if (!scope.has(Role.OFFICE)) {
            throw new AccessDeniedException("整改评估由本级巡察办开展");
        }
        ModelRepository.ModelRow model = models.find(modelId, scope)
                .orElseThrow(() -> new UserInputException("请选择本级已发布的指标模型"));
        if (!model.writable()) {
            throw new UserInputException("请选择本级已发布的指标模型");
        }
        if (model.status() != ModelStatus.PUBLISHED) {
            throw new UserInputException("指标模型“" + model.name() + "”第 " + model.versionNo() + " 版尚未发布，不能用于评估");
        }
        InspectionView inspection = inspections.find(scope, InspectionId.of(inspectionId))
                .filter(i -> i.bodyId() == model.bodyId())
                .orElseThrow(() -> new UserInputException("请选择本级的巡察"));
        if (memberIds == null || memberIds.isEmpty()) {
            throw new UserInputException("请指定评估组成员");
        }
        BodyId body = BodyId.of(model.bodyId());
        for (long m : memberIds) {
            if (m <= 0 || !accounts.isTeamAccountOf(UserId.of(m), body)) {
                throw new UserInputException("评估组成员须为本级巡察干部账号");
            }
        }
        if (evaluations.exists(inspectionId, modelId)) {
            throw new UserInputException("该巡察已用此模型版本开展过评估");
        }
        List<RectificationFigures.OrganizationCounts> organizations = figures.byOrganization(scope,
                new RectificationFigures.Query(null, null, null, InspectionId.of(inspectionId), null));
        if (organizations.isEmpty()) {
            throw new UserInputException("该巡察尚未向任何单位送达反馈意见，不能开展整改评估");
        }
        ModelRepository.Content content = models.content(modelId);
        OffsetDateTime now = now();
        String title = inspection.teamName() + "（" + inspection.targetNames() + "）整改质效评估";
        if (title.length() > 200) {
            title = title.substring(0, 200);
        }
        long id = evaluations.insertEvaluation(model.bodyId(), inspectionId, modelId, title, scope.user().value(), now);
        for (long m : new LinkedHashSet<>(memberIds)) {
            evaluations.insertMember(id, m);
        }
        for (RectificationFigures.OrganizationCounts o : organizations) {
            long sheet = evaluations.insertSheet(id, model.bodyId(), inspectionId, o.organization().value(), o.name());
            fill(scope, sheet, InspectionId.of(inspectionId), o.organization(), content, now);
        }
        audit.success("EVALUATION_OPENED", OBJECT, id, "inspection=" + inspectionId + "; model=" + modelId
                + "; organizations=" + organizations.size() + "; members=" + memberIds.size());
        return id;
    }

    /** Reads the figures and writes the automatic scores (a figure with nothing to count is left to the group). */
    private void fill(DataScope scope, long sheet, InspectionId inspection, OrganizationId organization,
                      ModelRepository.Content content, OffsetDateTime now) {
        RectificationCounts c = figures.countsOf(scope,
                new RectificationFigures.Query(null, null, null, inspection, organization));
        long cards = redCards.countsOf(scope, inspection, organization).confirmed();
        Figures f = new Figures(c.problems(), c.done(), c.due(), c.onTime(), cards);
        evaluations.writeFigures(sheet, f, now);
        evaluations.deleteAutomaticScores(sheet);
        for (ModelRepository.StoredIndicator i : content.indicators()) {
            ModelDefinition.Indicator ind = i.indicator();
            if (!ind.automatic()) {
                continue;
            }
            BigDecimal score = ind.source().score(ind.weight(), ind.perUnit(), f);
            if (score != null) {
                evaluations.writeScore(sheet, i.id(), score, true, ind.source().basis(f), null, null, now);
            }
        }
    }

    /** The office re-reads the figures of a sheet being scored. */
    @Transactional
    void refresh(DataScope scope, long id, int rowVersion) {
        EvaluationRepository.SheetRow s = office(scope, id);
        if (!s.status().scoring()) {
            throw new UserInputException("只有评分中的评估可以重新取数");
        }
        if (!evaluations.touchScoring(id, rowVersion)) {
            throw new UserInputException("该评估已被他人修改，请刷新后重试");
        }
        fill(scope, id, InspectionId.of(s.inspectionId()), OrganizationId.of(s.organizationId()),
                models.content(s.modelId()), now());
        audit.success("EVALUATION_FIGURES_REFRESHED", SHEET, id, "organization=" + s.organizationId()
                + "; rowVersion=" + (rowVersion + 1));
    }

    /** A member of the group scores an indicator the figures do not fill; a deduction needs its reason. */
    @Transactional
    void score(DataScope scope, long id, int rowVersion, long indicatorId, String scoreText, String reasonText) {
        EvaluationRepository.SheetRow s = sheet(scope, id);
        if (!s.scorer()) {
            throw new AccessDeniedException("只有评估组成员可以评分");
        }
        if (!s.status().scoring()) {
            throw new UserInputException("该评估已" + s.status().label() + "，不能再评分");
        }
        ModelRepository.Content content = models.content(s.modelId());
        ModelRepository.StoredIndicator stored = content.indicators().stream().filter(i -> i.id() == indicatorId)
                .findFirst().orElseThrow(() -> new UserInputException("请选择本评估模型中的指标"));
        ModelDefinition.Indicator ind = stored.indicator();
        EvaluationRepository.Score existing = evaluations.scores(id).get(indicatorId);
        if (ind.automatic() && existing != null && existing.automatic() && existing.score() != null) {
            throw new UserInputException("指标“" + ind.name() + "”由" + ind.source().label() + "自动计分，不能手工评分");
        }
        BigDecimal score = ModelForm.number(scoreText, "指标“" + ind.name() + "”的得分");
        ModelDefinition.checkScore(ind, score);
        String reason = reasonText == null ? "" : reasonText.strip();
        if (score.compareTo(ind.weight()) < 0 && reason.isEmpty()) {
            throw new UserInputException("指标“" + ind.name() + "”扣 " + ModelForm.plain(ind.weight().subtract(score))
                    + " 分，须写明扣分理由");
        }
        if (reason.length() > REASON_MAX) {
            throw new UserInputException("扣分理由最多 " + REASON_MAX + " 字");
        }
        if (!evaluations.touchScoring(id, rowVersion)) {
            throw new UserInputException("该评估已被他人修改，请刷新后重试");
        }
        evaluations.writeScore(id, indicatorId, score, false, null, reason.isEmpty() ? null : reason,
                scope.user().value(), now());
        audit.success("EVALUATION_SCORED", SHEET, id, "indicator=" + indicatorId + "; deducted="
                + (score.compareTo(ind.weight()) < 0) + "; rowVersion=" + (rowVersion + 1));
    }

    /** The result a sheet's scores and figures give: total, veto, grade. */
    record Result(BigDecimal total, Optional<ModelDefinition.Veto> veto, ModelDefinition.Band grade) {
    }

    static Result result(ModelDefinition model, List<BigDecimal> scores, Figures f) {
        BigDecimal total = ModelDefinition.total(scores);
        Optional<ModelDefinition.Veto> veto = model.veto(f);
        return new Result(total, veto, model.grade(total, veto.isPresent()));
    }

    /** The group hands in a fully scored sheet. */
    @Transactional
    void submit(DataScope scope, long id, int rowVersion) {
        EvaluationRepository.SheetRow s = sheet(scope, id);
        if (!s.scorer()) {
            throw new AccessDeniedException("只有评估组成员可以提交");
        }
        SheetStatus to = s.status().submit();
        SheetPage p = page(scope, id);
        if (p.unscored() > 0) {
            throw new UserInputException("尚有 " + p.unscored() + " 项指标未评分，不能提交");
        }
        Result r = result(p.model(), p.lines().stream().map(l -> l.score().score()).toList(), s.figures());
        if (!evaluations.move(id, rowVersion, s.status(), to, r.total(), r.veto().isPresent(),
                r.veto().map(ModelDefinition.Veto::description).orElse(null), r.grade().name(), now(), null, null)) {
            throw new UserInputException("该评估已被他人修改，请刷新后重试");
        }
        audit.success("EVALUATION_SUBMITTED", SHEET, id, "from=" + s.status() + "; to=" + to + "; vetoed="
                + r.veto().isPresent() + "; rowVersion=" + (rowVersion + 1));
    }

    /** The office returns a submitted sheet to the group. */
    @Transactional
    void returnToGroup(DataScope scope, long id, int rowVersion) {
        EvaluationRepository.SheetRow s = office(scope, id);
        SheetStatus to = s.status().returnToScoring();
        if (!evaluations.move(id, rowVersion, s.status(), to, null, false, null, null, null, null, null)) {
            throw new UserInputException("该评估已被他人修改，请刷新后重试");
        }
        audit.success("EVALUATION_RETURNED", SHEET, id, "from=" + s.status() + "; to=" + to + "; rowVersion="
                + (rowVersion + 1));
    }

    /** The office confirms a submitted sheet: the grade's consequences become actions, and the event goes out. */
    @Transactional
    void confirm(DataScope scope, long id, int rowVersion) {
        EvaluationRepository.SheetRow s = office(scope, id);
        SheetStatus to = s.status().confirm();
        SheetPage p = page(scope, id);
        Result r = result(p.model(), p.lines().stream().map(l -> l.score().score()).toList(), s.figures());
        OffsetDateTime now = now();
        if (!evaluations.move(id, rowVersion, s.status(), to, r.total(), r.veto().isPresent(),
                r.veto().map(ModelDefinition.Veto::description).orElse(null), r.grade().name(), s.submittedAt(), now,
                scope.user().value())) {
            throw new UserInputException("该评估已被他人修改，请刷新后重试");
        }
        List<EvaluationConcluded.Action> actions = new ArrayList<>();
        for (EvaluationConsequence c : r.grade().ordered()) {
            long action = evaluations.insertAction(s, c, now);
            actions.add(new EvaluationConcluded.Action(action, c));
            audit.success("EVALUATION_ACTION_RECORDED", ACTION, action, "sheet=" + id + "; consequence=" + c.name());
        }
        audit.success("EVALUATION_CONFIRMED", SHEET, id, "from=" + s.status() + "; to=" + to + "; vetoed="
                + r.veto().isPresent() + "; actions=" + actions.size() + "; rowVersion=" + (rowVersion + 1));
        events.publishEvent(new EvaluationConcluded(EvaluationId.of(s.evaluationId()), BodyId.of(s.bodyId()),
                InspectionId.of(s.inspectionId()), OrganizationId.of(s.organizationId()), r.grade().name(),
                r.total(), r.veto().isPresent(), actions, now.toInstant()));
    }

    @Transactional(readOnly = true)
    EvaluationRepository.ActionRow action(DataScope scope, long id) {
        return evaluations.action(id, scope).orElseThrow(() -> new NotFoundInScope("evaluation action " + id));
    }

    /**
     * The office marks a consequence done, with the in-app path of what was done about it (a 约谈 record, a 回头看
     * inspection …), optional; the parts that act on {@link EvaluationConcluded} may call this too.
     */
    @Transactional
    void markDone(DataScope scope, long actionId, int rowVersion, String linkText) {
        EvaluationRepository.ActionRow a = evaluations.action(actionId, scope)
                .orElseThrow(() -> new NotFoundInScope("evaluation action " + actionId));
        if (!a.office()) {
            throw new AccessDeniedException("后续措施由本级巡察办办理");
        }
        ActionStatus to = a.status().done();
        String link = linkText == null || linkText.isBlank() ? null : linkText.strip();
        if (link != null && (!link.startsWith("/") || link.startsWith("//") || link.length() > 300
                || link.chars().anyMatch(ch -> ch <= ' '))) {
            throw new UserInputException("关联链接须为本平台内以 / 开头的地址（最多 300 字符）");
        }
        if (!evaluations.markDone(actionId, rowVersion, link, scope.user().value(), now())) {
            throw new UserInputException("该事项已被他人处理，请刷新后重试");
        }
        audit.success("EVALUATION_ACTION_DONE", ACTION, actionId, "consequence=" + a.consequence().name()
                + "; from=" + a.status() + "; to=" + to + "; rowVersion=" + (rowVersion + 1));
    }

    private EvaluationRepository.SheetRow office(DataScope scope, long id) {
        EvaluationRepository.SheetRow s = sheet(scope, id);
        if (!s.office()) {
            throw new AccessDeniedException("由本级巡察办确定");
        }
        return s;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
