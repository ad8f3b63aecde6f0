package org.xuncha.supervision.evaluation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.supervision.EvaluationConsequence;

/**
 * The models and evaluations as JSON beside the pages, same roles, scope and rules: models (list, one version with
 * its content, create from a template, save a draft, publish, revise), evaluations (open, the sheets the caller
 * reads, one sheet with its scores and actions, score, submit, return, confirm) and marking an action done.
 * {@code version} is always the row version read.
 */
@RestController
class EvaluationApiController {

    private final EvaluationModels models;
    private final Evaluations evaluations;

    EvaluationApiController(EvaluationModels models, Evaluations evaluations) {
        this.models = models;
        this.evaluations = evaluations;
    }

    record RuleJson(String description, BigDecimal points) {
    }

    record IndicatorJson(Long id, String name, BigDecimal weight, IndicatorSource source, BigDecimal perUnit,
                         List<RuleJson> rules) {
    }

    record VetoJson(IndicatorSource source, Integer threshold, String description) {
    }

    record BandJson(String name, BigDecimal lowerBound, List<EvaluationConsequence> consequences) {
    }

    record ModelJson(long id, long bodyId, long lineageId, int versionNo, String name, ModelStatus status,
                     String statusLabel, int version, OffsetDateTime publishedAt, List<IndicatorJson> indicators,
                     List<VetoJson> vetoes, List<BandJson> bands) {
    }

    record ModelSummary(long id, long bodyId, long lineageId, int versionNo, String name, ModelStatus status,
                        int version) {
    }

    @GetMapping("/api/supervision/evaluation-models")
    @PreAuthorize(EvaluationModelController.OFFICE)
    List<ModelSummary> models(DataScope scope) {
        return models.list(scope).stream().map(m -> new ModelSummary(m.id(), m.bodyId(), m.lineageId(),
                m.versionNo(), m.name(), m.status(), m.rowVersion())).toList();
    }

    @GetMapping("/api/supervision/evaluation-models/{id}")
    @PreAuthorize(EvaluationModelController.OFFICE)
    ModelJson model(@PathVariable long id, DataScope scope) {
        EvaluationModels.ModelPage p = models.page(scope, id);
        ModelRepository.ModelRow m = p.model();
        List<IndicatorJson> indicators = p.content().indicators().stream().map(s -> new IndicatorJson(s.id(),
                s.indicator().name(), s.indicator().weight(), s.indicator().source(), s.indicator().perUnit(),
                s.indicator().rules().stream().map(r -> new RuleJson(r.description(), r.points())).toList()))
                .toList();
        ModelDefinition d = p.content().definition();
        return new ModelJson(m.id(), m.bodyId(), m.lineageId(), m.versionNo(), m.name(), m.status(),
                m.status().label(), m.rowVersion(), m.publishedAt(), indicators,
                d.vetoes().stream().map(v -> new VetoJson(v.source(), v.threshold(), v.description())).toList(),
                d.bandsDescending().stream().map(b -> new BandJson(b.name(), b.lowerBound(), b.ordered())).toList());
    }

    record CreateRequest(String name, String template) {
    }

    record Created(long id) {
    }

    @PostMapping("/api/supervision/evaluation-models")
    @PreAuthorize(EvaluationModelController.OFFICE)
    Created create(@RequestBody(required = false) CreateRequest request, DataScope scope) {
        if (request == null) {
            throw new UserInputException("请填写模型名称或选择示例模板");
        }
        return new Created(models.create(scope, request.name(), request.template()));
    }

    record DraftRequest(Integer version, String name, List<IndicatorJson> indicators, List<VetoJson> vetoes,
                        List<BandJson> bands) {
    }

    @PostMapping("/api/supervision/evaluation-models/{id}")
    @PreAuthorize(EvaluationModelController.OFFICE)
    ModelJson save(@PathVariable long id, @RequestBody(required = false) DraftRequest request, DataScope scope) {
        models.model(scope, id);
        if (request == null) {
            throw new UserInputException("请提交模型内容");
        }
        models.saveDraft(scope, id, request.version() == null ? -1 : request.version(), definition(request));
        return model(id, scope);
    }

    static ModelDefinition definition(DraftRequest r) {
        List<ModelDefinition.Indicator> indicators = new ArrayList<>();
        for (IndicatorJson i : r.indicators() == null ? List.<IndicatorJson>of() : r.indicators()) {
            if (i == null) {
                throw new UserInputException("指标不能为空");
            }
            List<ModelDefinition.Rule> rules = new ArrayList<>();
            for (RuleJson rule : i.rules() == null ? List.<RuleJson>of() : i.rules()) {
                if (rule == null) {
                    throw new UserInputException("扣分细则不能为空");
                }
                rules.add(new ModelDefinition.Rule(rule.description(), rule.points()));
            }
            indicators.add(new ModelDefinition.Indicator(i.name() == null ? null : i.name().strip(), i.weight(),
                    i.source(), i.source() == null || i.source().rate() ? null : i.perUnit(), rules));
        }
        List<ModelDefinition.Veto> vetoes = new ArrayList<>();
        for (VetoJson v : r.vetoes() == null ? List.<VetoJson>of() : r.vetoes()) {
            if (v == null || v.threshold() == null) {
                throw new UserInputException("一票否决须填写依据和阈值");
            }
            vetoes.add(new ModelDefinition.Veto(v.source(), v.threshold(), v.description()));
        }
        List<ModelDefinition.Band> bands = new ArrayList<>();
        for (BandJson b : r.bands() == null ? List.<BandJson>of() : r.bands()) {
            if (b == null) {
                throw new UserInputException("等级不能为空");
            }
            EnumSet<EvaluationConsequence> c = EnumSet.noneOf(EvaluationConsequence.class);
            if (b.consequences() != null) {
                b.consequences().stream().filter(x -> x != null).forEach(c::add);
            }
            bands.add(new ModelDefinition.Band(b.name() == null ? null : b.name().strip(), b.lowerBound(), c));
        }
        return new ModelDefinition(r.name(), indicators, vetoes, bands);
    }

    record VersionRequest(Integer version) {
    }

    @PostMapping("/api/supervision/evaluation-models/{id}/publish")
    @PreAuthorize(EvaluationModelController.OFFICE)
    ModelJson publish(@PathVariable long id, @RequestBody(required = false) VersionRequest request,
                      DataScope scope) {
        models.model(scope, id);
        models.publish(scope, id, version(request));
        return model(id, scope);
    }

    @PostMapping("/api/supervision/evaluation-models/{id}/revise")
    @PreAuthorize(EvaluationModelController.OFFICE)
    Created revise(@PathVariable long id, DataScope scope) {
        return new Created(models.revise(scope, id));
    }

    record OpenRequest(Long inspection, Long model, List<Long> members) {
    }

    @PostMapping("/api/supervision/evaluations")
    @PreAuthorize(EvaluationController.OFFICE)
    Created open(@RequestBody(required = false) OpenRequest request, DataScope scope) {
        if (request == null || request.inspection() == null || request.model() == null) {
            throw new UserInputException("请选择巡察、指标模型和评估组成员");
        }
        return new Created(evaluations.open(scope, request.inspection(), request.model(),
                request.members() == null ? java.util.Set.of() : new LinkedHashSet<>(request.members().stream()
                        .filter(x -> x != null).toList())));
    }

    record SheetJson(long id, long evaluationId, long organizationId, String organization, String evaluation,
                     SheetStatus status, String statusLabel, BigDecimal total, boolean vetoed, String vetoReason,
                     String grade, int version) {

        static SheetJson of(EvaluationRepository.SheetRow s) {
            return new SheetJson(s.id(), s.evaluationId(), s.organizationId(), s.organizationName(), s.title(),
                    s.status(), s.status().label(), s.total(), s.vetoed(), s.vetoReason(), s.grade(), s.rowVersion());
        }
    }

    @GetMapping("/api/supervision/evaluations")
    @PreAuthorize(EvaluationController.READERS)
    List<SheetJson> sheets(DataScope scope) {
        return evaluations.sheets(scope).stream().map(SheetJson::of).toList();
    }

    record LineJson(long indicatorId, String indicator, BigDecimal maxScore, IndicatorSource source,
                    BigDecimal score, boolean automatic, String basis, String reason) {
    }

    record ActionJson(long id, EvaluationConsequence consequence, String consequenceLabel, ActionStatus status,
                      String linkTarget, int version) {
    }

    record SheetDetailJson(SheetJson sheet, String model, List<LineJson> scores, BigDecimal runningTotal,
                           List<ActionJson> actions) {
    }

    @GetMapping("/api/supervision/evaluations/sheets/{id}")
    @PreAuthorize(EvaluationController.READERS)
    SheetDetailJson sheet(@PathVariable long id, DataScope scope) {
        Evaluations.SheetPage p = evaluations.page(scope, id);
        return new SheetDetailJson(SheetJson.of(p.sheet()), p.model().name(), p.lines().stream()
                .map(l -> new LineJson(l.indicatorId(), l.indicator().name(), l.indicator().weight(),
                        l.indicator().source(), l.score() == null ? null : l.score().score(),
                        l.score() != null && l.score().automatic(), l.score() == null ? null : l.score().basis(),
                        l.score() == null ? null : l.score().reason())).toList(), p.runningTotal(),
                p.actions().stream().map(a -> new ActionJson(a.id(), a.consequence(), a.consequence().label(),
                        a.status(), a.linkTarget(), a.rowVersion())).toList());
    }

    record ScoreRequest(Integer version, Long indicator, String score, String reason) {
    }

    @PostMapping("/api/supervision/evaluations/sheets/{id}/scores")
    @PreAuthorize(EvaluationController.SCORERS)
    SheetDetailJson score(@PathVariable long id, @RequestBody(required = false) ScoreRequest request,
                          DataScope scope) {
        evaluations.sheet(scope, id);
        if (request == null || request.indicator() == null) {
            throw new UserInputException("请选择指标并填写得分");
        }
        evaluations.score(scope, id, request.version() == null ? -1 : request.version(), request.indicator(),
                request.score(), request.reason());
        return sheet(id, scope);
    }

    @PostMapping("/api/supervision/evaluations/sheets/{id}/submit")
    @PreAuthorize(EvaluationController.SCORERS)
    SheetDetailJson submit(@PathVariable long id, @RequestBody(required = false) VersionRequest request,
                           DataScope scope) {
        evaluations.sheet(scope, id);
        evaluations.submit(scope, id, version(request));
        return sheet(id, scope);
    }

    @PostMapping("/api/supervision/evaluations/sheets/{id}/return")
    @PreAuthorize(EvaluationController.OFFICE)
    SheetDetailJson returnToGroup(@PathVariable long id, @RequestBody(required = false) VersionRequest request,
                                  DataScope scope) {
        evaluations.sheet(scope, id);
        evaluations.returnToGroup(scope, id, version(request));
        return sheet(id, scope);
    }

    @PostMapping("/api/supervision/evaluations/sheets/{id}/confirm")
    @PreAuthorize(EvaluationController.OFFICE)
    SheetDetailJson confirm(@PathVariable long id, @RequestBody(required = false) VersionRequest request,
                            DataScope scope) {
        evaluations.sheet(scope, id);
        evaluations.confirm(scope, id, version(request));
        return sheet(id, scope);
    }

    record DoneRequest(Integer version, String link) {
    }

    @PostMapping("/api/supervision/evaluations/actions/{id}/done")
    @PreAuthorize(EvaluationController.OFFICE)
    ActionJson done(@PathVariable long id, @RequestBody(required = false) DoneRequest request, DataScope scope) {
        evaluations.action(scope, id);
        if (request == null) {
            throw new UserInputException("请提交版本号");
        }
        evaluations.markDone(scope, id, request.version() == null ? -1 : request.version(), request.link());
        EvaluationRepository.ActionRow a = evaluations.action(scope, id);
        return new ActionJson(a.id(), a.consequence(), a.consequence().label(), a.status(), a.linkTarget(),
                a.rowVersion());
    }

    private static int version(VersionRequest r) {
        if (r == null || r.version() == null) {
            throw new UserInputException("请提交读取时的版本号");
        }
        return r.version();
    }
}
