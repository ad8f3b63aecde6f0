package org.xuncha.rectification.redcard;

import java.time.OffsetDateTime;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.common.DataScope;
import org.xuncha.rectification.RectificationItemId;
import org.xuncha.rectification.RedCardKind;
import org.xuncha.rectification.RedCardStatus;
import org.xuncha.rectification.RelapseReports;

/**
 * The red cards as JSON beside the pages, same roles, scope and rules: the list (same filters, paged), a card with
 * both sides (the other side, the similarity and the reason left out as on the page), the office's decision
 * ({@code decision} CONFIRM / DISMISS, {@code reason}, {@code version} as read) and the 问题反弹 link
 * ({@code finding}, {@code item}).
 */
@RestController
class RedCardApiController {

    private final RedCards cards;
    private final RelapseReports relapses;

    RedCardApiController(RedCards cards, RelapseReports relapses) {
        this.cards = cards;
        this.relapses = relapses;
    }

    record CardJson(long id, RedCardKind kind, String kindLabel, RedCardStatus status, String statusLabel,
                    long itemId, int position, long organizationId, String organization, String similarity,
                    OffsetDateTime raisedAt, String decisionReason, OffsetDateTime decidedAt, int version) {

        static CardJson of(RedCardRepository.Card c, boolean target) {
            return new CardJson(c.id(), c.kind(), c.kind().label(), c.status(), c.status().label(), c.itemId(),
                    c.position(), c.organizationId(), c.organizationName(), target ? null : c.similarityShown(),
                    c.raisedAt(), target ? null : c.decisionReason(), c.decidedAt(), c.rowVersion());
        }
    }

    record SideJson(long itemId, int position, String organization, String feedbackProblem, String evidenceTitle,
                    String evidenceSha256, String progressText) {

        static SideJson of(RedCards.Side s) {
            return new SideJson(s.itemId(), s.position(), s.organizationName(), s.wording(),
                    s.evidence() == null ? null : s.evidence().title(),
                    s.evidence() == null ? null : s.evidence().sha256(), s.progressText());
        }
    }

    record DetailJson(CardJson card, SideJson item, SideJson other, boolean otherHidden, String findingTitle) {
    }

    @GetMapping("/api/rectification/red-cards")
    @PreAuthorize(RedCardController.READERS)
    ResultPage<CardJson> list(@RequestParam(required = false) String kind,
                              @RequestParam(required = false) String status,
                              @RequestParam(required = false) String organization,
                              @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size, DataScope scope) {
        ResultPage<RedCardRepository.Card> r = cards.list(scope,
                RedCardFilter.of(kind, status, RedCardController.id(organization)), ResultPage.clampPage(page),
                ResultPage.clampSize(size));
        boolean target = scope.has(org.xuncha.common.Role.TARGET);
        return new ResultPage<>(r.items().stream().map(c -> CardJson.of(c, target)).toList(), r.page(), r.size(),
                r.total());
    }

    @GetMapping("/api/rectification/red-cards/{id}")
    @PreAuthorize(RedCardController.READERS)
    DetailJson card(@PathVariable long id, DataScope scope) {
        RedCards.CardPage p = cards.page(scope, id);
        boolean hidden = !p.forTarget() && p.card().otherItemId() != null && p.other().isEmpty();
        return new DetailJson(CardJson.of(p.card(), p.forTarget()), SideJson.of(p.side()),
                p.other().map(SideJson::of).orElse(null), hidden,
                p.finding().map(org.xuncha.findings.RecordedFinding::title).orElse(null));
    }

    record DecisionRequest(Integer version, String decision, String reason) {
    }

    @PostMapping("/api/rectification/red-cards/{id}/decision")
    @PreAuthorize(RedCardController.OFFICE)
    CardJson decide(@PathVariable long id, @RequestBody(required = false) DecisionRequest request, DataScope scope) {
        cards.card(scope, id);
        if (request == null) {
            throw new UserInputException("请选择认定或撤销并写明理由");
        }
        cards.decide(scope, id, request.version() == null ? -1 : request.version(), request.decision(),
                request.reason());
        return CardJson.of(cards.card(scope, id), false);
    }

    record RelapseRequest(Long finding, Long item) {
    }

    record Created(long id) {
    }

    @PostMapping("/api/rectification/relapses")
    @PreAuthorize(RedCardController.LINKERS)
    Created relapse(@RequestBody(required = false) RelapseRequest request, DataScope scope) {
        if (request == null || request.finding() == null || request.finding() <= 0 || request.item() == null
                || request.item() <= 0) {
            throw new UserInputException("请指明回头看发现的问题和已销号的整改事项");
        }
        return new Created(relapses.reportRelapse(scope, RectificationItemId.of(request.item()),
                org.xuncha.findings.FindingId.of(request.finding())));
    }
}
