package org.xuncha.supervision.revisit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.common.DataScope;

/**
 * The revisits as JSON beside the pages, same roles, scope and rules: the list, one revisit (for the TARGET its
 * dates and checklist only), and the office's changes ({@code version} as read): start, a check, an item's result,
 * complete.
 */
@RestController
class RevisitApiController {

    private final Revisits revisits;

    RevisitApiController(Revisits revisits) {
        this.revisits = revisits;
    }

    record CheckJson(RevisitCheck check, String label, LocalDate on, String note) {
    }

    record RevisitJson(long id, long inspectionId, long organizationId, String organization, LocalDate fedBackOn,
                       LocalDate plannedOn, RevisitStatus status, String statusLabel, String team,
                       List<CheckJson> checks, LocalDate startedOn, LocalDate completedOn, int version) {

        static RevisitJson of(RevisitRepository.Revisit r, boolean target) {
            return new RevisitJson(r.id(), r.inspectionId(), r.organizationId(), r.organizationName(), r.fedBackOn(),
                    r.plannedOn(), r.status(), r.status().label(), target ? null : r.team(),
                    r.checks().stream().map(c -> new CheckJson(c.check(), c.check().label(), c.on(), c.note()))
                            .toList(), r.startedOn(), r.completedOn(), r.rowVersion());
        }
    }

    record ResultJson(long itemId, int position, String wording, org.xuncha.rectification.ItemStatus itemStatus, ItemOutcome outcome,
                      String note, Long redCardId) {
    }

    record SurveyJson(long answers, Map<SurveyQuestion, Map<SurveyChoice, Long>> counts, BigDecimal rate,
                      String definition) {
    }

    record DetailJson(RevisitJson revisit, List<ResultJson> items, SurveyJson survey) {
    }

    @GetMapping("/api/supervision/revisits")
    @PreAuthorize(RevisitController.READERS)
    List<RevisitJson> list(@RequestParam(required = false) String status, DataScope scope) {
        boolean target = !RevisitScope.readsSurvey(scope);
        return revisits.list(scope, status == null ? null : RevisitStatus.parse(status).orElse(null)).stream()
                .map(r -> RevisitJson.of(r, target)).toList();
    }

    @GetMapping("/api/supervision/revisits/{id}")
    @PreAuthorize(RevisitController.READERS)
    DetailJson get(@PathVariable long id, DataScope scope) {
        Revisits.Page p = revisits.page(scope, id);
        if (p.target()) {
            return new DetailJson(RevisitJson.of(p.revisit(), true), List.of(), null);
        }
        List<ResultJson> items = p.items().stream().map(l -> new ResultJson(l.item().item().value(),
                l.item().position(), l.item().wording(), l.item().status(),
                l.result() == null ? null : l.result().outcome(), l.result() == null ? null : l.result().note(),
                l.result() == null ? null : l.result().redCardId())).toList();
        return new DetailJson(RevisitJson.of(p.revisit(), false), items, new SurveyJson(p.survey().answers(),
                p.survey().counts(), p.survey().rate(), SurveyCounts.DEFINITION));
    }

    record VersionBody(Integer version) {
    }

    record CheckBody(Integer version, String check, LocalDate on, String note) {
    }

    record ResultBody(Integer version, Long item, String outcome, String note) {
    }

    private static int version(Integer v) {
        return v == null ? -1 : v;
    }

    @PostMapping("/api/supervision/revisits/{id}/start")
    @PreAuthorize(RevisitController.OFFICE)
    RevisitJson start(@PathVariable long id, @RequestBody(required = false) VersionBody body, DataScope scope) {
        revisits.get(scope, id);
        revisits.start(scope, id, version(body == null ? null : body.version()));
        return RevisitJson.of(revisits.get(scope, id), false);
    }

    @PostMapping("/api/supervision/revisits/{id}/checks")
    @PreAuthorize(RevisitController.OFFICE)
    RevisitJson check(@PathVariable long id, @RequestBody(required = false) CheckBody body, DataScope scope) {
        revisits.get(scope, id);
        CheckBody b = body == null ? new CheckBody(null, null, null, null) : body;
        revisits.recordCheck(scope, id, version(b.version()),
                b.check() == null ? null : RevisitCheck.parse(b.check()).orElse(null), b.on(), b.note());
        return RevisitJson.of(revisits.get(scope, id), false);
    }

    @PostMapping("/api/supervision/revisits/{id}/results")
    @PreAuthorize(RevisitController.OFFICE)
    RevisitJson decide(@PathVariable long id, @RequestBody(required = false) ResultBody body, DataScope scope) {
        revisits.get(scope, id);
        ResultBody b = body == null ? new ResultBody(null, null, null, null) : body;
        revisits.decide(scope, id, version(b.version()), b.item() == null ? -1 : b.item(),
                b.outcome() == null ? null : ItemOutcome.parse(b.outcome()).orElse(null), b.note());
        return RevisitJson.of(revisits.get(scope, id), false);
    }

    @PostMapping("/api/supervision/revisits/{id}/complete")
    @PreAuthorize(RevisitController.OFFICE)
    RevisitJson complete(@PathVariable long id, @RequestBody(required = false) VersionBody body, DataScope scope) {
        revisits.get(scope, id);
        revisits.complete(scope, id, version(body == null ? null : body.version()));
        return RevisitJson.of(revisits.get(scope, id), false);
    }
}
