package org.xuncha.rectification.ledger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.ItemStatus;
import org.xuncha.rectification.RectificationCounts;
import org.xuncha.rectification.RectificationFigures;

/**
 * The ledger as JSON beside the pages, with the same roles, scope and rules: the ledger (same filters, paged), the
 * figures with their definitions, an item with its history, progress and evidence (files are downloaded from the
 * page's address), progress reports (multipart: {@code version}, {@code text}, {@code moneyReturnedFen},
 * {@code lossRetrievedFen}, {@code file0…} with {@code kind0…} and {@code title0…}) and moves ({@code code} of
 * {@code ItemStatus.Move}, {@code version} the row version as read).
 */
@RestController
class LedgerApiController {

    private final LedgerItems items;
    private final RectificationFigures figures;

    LedgerApiController(LedgerItems items, RectificationFigures figures) {
        this.items = items;
        this.figures = figures;
    }

    record ItemJson(long id, long organizationId, String organization, long bodyId, long inspectionId, int position,
                    String heading, String feedbackProblem, String goal, String measures, String leader,
                    String department, String handler, LocalDate dueOn, String band, String bandLabel,
                    String latestProgress, List<String> evidence, ItemStatus status, String statusLabel,
                    LocalDate signedOffOn, String signOffOpinion, String signOffParticipants, String reason,
                    String milestones, LocalDate nextCheckOn, String longTermOwner, int version, String warning,
                    String warningLabel, List<String> warningRecipients, LocalDate warnGreenOn,
                    LocalDate warnYellowOn, LocalDate warnRedOn) {

        static ItemJson of(LedgerRepository.Item i, List<String> evidence, LocalDate today) {
            DeadlineBand b = i.band(today);
            WarningLevel w = i.warning(today);
            boolean open = i.status().open();
            return new ItemJson(i.id(), i.organizationId(), i.organizationName(), i.bodyId(), i.inspectionId(),
                    i.position(), i.heading(), i.wording(), i.goal(), i.measures(), i.leaderName(), i.department(),
                    i.handlerName(), i.dueOn(), b == null ? null : b.name(), b == null ? null : b.label(),
                    i.latestProgress(), evidence, i.status(), i.status().label(), i.signedOffOn(),
                    i.signOffOpinion(), i.signOffParticipants(), i.moveReason(), i.milestones(), i.nextCheckOn(),
                    i.longTermOwner(), i.rowVersion(), w == null ? null : w.name(), w == null ? null : w.label(),
                    i.warningRecipients(today), open ? i.warnGreenOn() : null, open ? i.warnYellowOn() : null,
                    open ? i.warnRedOn() : null);
        }
    }

    /** One page of the ledger; {@code total} is counted up to 1,000 (LedgerItems.COUNT_CAP): 1,001 means more. */
    @GetMapping("/api/rectification/ledger")
    @PreAuthorize(LedgerController.READERS)
    ResultPage<ItemJson> ledger(@RequestParam(required = false) String organization,
                                @RequestParam(required = false) String body,
                                @RequestParam(required = false) String inspection,
                                @RequestParam(required = false) String status,
                                @RequestParam(required = false) String band,
                                @RequestParam(required = false) String warning,
                                @RequestParam(required = false) String redCard,
                                @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size, DataScope scope) {
        LedgerFilter filter = LedgerFilter.of(LedgerForms.id(organization), LedgerForms.id(body),
                LedgerForms.id(inspection), status, band, warning, redCard);
        ResultPage<LedgerRepository.Item> result = items.ledger(scope, filter, ResultPage.clampPage(page),
                ResultPage.clampSize(size));
        Map<Long, List<String>> titles = items.evidenceTitles(result.items());
        LocalDate today = items.today();
        return new ResultPage<>(result.items().stream()
                .map(i -> ItemJson.of(i, titles.getOrDefault(i.id(), List.of()), today)).toList(),
                result.page(), result.size(), result.total());
    }

    record Figure(String figure, String value, String definition) {
    }

    record OrganizationJson(long organizationId, String organization, RectificationCounts counts,
                            String rectificationRate, String onTimeRate) {
    }

    record FiguresJson(RectificationCounts counts, List<Figure> figures, List<OrganizationJson> byOrganization) {
    }

    @GetMapping("/api/rectification/ledger/figures")
    @PreAuthorize(LedgerController.READERS)
    FiguresJson figures(@RequestParam(required = false) String body, @RequestParam(required = false) String inspection,
                        @RequestParam(required = false) String organization,
                        @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        DataScope scope) {
        RectificationFigures.Query q = LedgerController.query(body, inspection, organization, from, to);
        RectificationCounts c = figures.countsOf(scope, q);
        List<Figure> rows = List.of(
                new Figure("整改率", c.rectificationRateShown(), "完成 ÷ 反馈问题；完成 = 回应该问题的整改事项全部已销号"),
                new Figure("按期报结率", c.onTimeRateShown(), "按期报结（销号日期不晚于完成时限）÷ 应报结事项（已销号，"
                        + "或完成时限早于今天；不能整改的不计）"),
                new Figure("建章立制", Long.toString(c.rules()), "制度文件类佐证材料，同一单位同名制度计一项"));
        return new FiguresJson(c, rows, figures.byOrganization(scope, q).stream()
                .map(r -> new OrganizationJson(r.organization().value(), r.name(), r.counts(),
                        r.counts().rectificationRateShown(), r.counts().onTimeRateShown())).toList());
    }

    record MoveJson(long id, String code, String label, ItemStatus from, ItemStatus to, String reason,
                    String milestones, LocalDate nextCheckOn, String longTermOwner, String participants,
                    LocalDate decidedOn, int version, String by, OffsetDateTime at) {
    }

    record EvidenceJson(long id, String kind, String kindLabel, String title, String fileName, long sizeBytes,
                        String sha256, String href) {
    }

    record ProgressJson(long id, LocalDate reportedOn, String text, long moneyReturnedFen, long lossRetrievedFen,
                        String by, OffsetDateTime at, List<EvidenceJson> evidence) {
    }

    record ActionJson(String code, String label, String needs) {
    }

    record DetailJson(ItemJson item, String mechanism, List<MoveJson> history, List<ProgressJson> progress,
                      boolean canReport, List<ActionJson> actions) {
    }

    @GetMapping("/api/rectification/items/{id}")
    @PreAuthorize(LedgerController.READERS)
    DetailJson item(@PathVariable long id, DataScope scope) {
        LedgerItems.ItemPage p = items.page(scope, id);
        LedgerRepository.Item i = p.item();
        List<ProgressJson> progress = p.progress().stream().map(r -> new ProgressJson(r.id(), r.reportedOn(),
                r.text(), r.moneyReturnedFen(), r.lossRetrievedFen(), r.reportedByName(), r.reportedAt(),
                r.evidence().stream().map(e -> new EvidenceJson(e.id(), e.kind().name(), e.kind().label(), e.title(),
                        e.fileName(), e.sizeBytes(), e.sha256(),
                        "/rectification/items/" + id + "/evidence/" + e.id())).toList())).toList();
        List<String> titles = p.progress().stream().flatMap(r -> r.evidence().stream())
                .map(e -> e.kind().label() + "：" + e.title()).toList();
        return new DetailJson(ItemJson.of(i, titles, items.today()), i.mechanism(),
                p.moves().stream().map(m -> new MoveJson(m.id(), m.code(), m.label(), m.from(), m.to(), m.reason(),
                        m.milestones(), m.nextCheckOn(), m.longTermOwner(), m.participants(), m.decidedOn(),
                        m.rowVersion(), m.movedByName(), m.movedAt())).toList(),
                progress, p.canReport(), p.actions().stream()
                        .map(a -> new ActionJson(a.code(), a.label(), a.needs().name())).toList());
    }

    record Created(long id) {
    }

    @PostMapping("/api/rectification/items/{id}/progress")
    @PreAuthorize(LedgerController.TARGET)
    Created progress(@PathVariable long id, @RequestParam(required = false) Integer version,
                     @RequestParam(required = false) String text,
                     @RequestParam(required = false) String moneyReturnedFen,
                     @RequestParam(required = false) String lossRetrievedFen,
                     jakarta.servlet.http.HttpServletRequest request, DataScope scope) {
        items.item(scope, id);
        if (version == null) {
            throw new UserInputException("请提供所读取的事项版本（version）");
        }
        return new Created(items.reportProgress(scope, id, version, new ProgressDraft(text,
                LedgerForms.fen(moneyReturnedFen, "退还（收缴）资金"), LedgerForms.fen(lossRetrievedFen, "挽回损失"),
                LedgerForms.files(request))));
    }

    record MoveRequest(Integer version, String code, String text, String milestones, LocalDate nextCheckOn,
                       String longTermOwner, String participants, LocalDate decidedOn) {
    }

    @PostMapping("/api/rectification/items/{id}/moves")
    @PreAuthorize(LedgerController.MOVERS)
    Created move(@PathVariable long id, @RequestBody(required = false) MoveRequest request, DataScope scope) {
        items.item(scope, id);
        if (request == null || request.version() == null) {
            throw new UserInputException("请提供所读取的事项版本（version）");
        }
        return new Created(items.move(scope, id, request.version(), new MoveDraft(request.code(), request.text(),
                request.milestones(), request.nextCheckOn(), request.longTermOwner(), request.participants(),
                request.decidedOn())));
    }
}
