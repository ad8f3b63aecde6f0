package org.xuncha.rectification.redcard;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.findings.FindingId;
import org.xuncha.findings.RecordedFinding;
import org.xuncha.findings.RecordedFindings;
import org.xuncha.identity.AccountDirectory;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.RedCardStatus;

/**
 * Reading and deciding red cards (issue 14 §6). Readers: whoever reads the card's item (the office of its body and
 * a city office of its counties, the leading group, 纪委监委, 组织部, the item's team), the TARGET only CONFIRMED cards
 * of its own items. The card page shows both sides: this item's evidence or progress text and the other item's,
 * the other only when the caller reads that item too (a county office sees that another unit used the same file,
 * never which one unless it reads it), the TARGET never the other side, the similarity or the office's reason (the
 * inspected organization learns nothing of another organization's data). Only the office of the card's body decides
 * — 认定 or 撤销, a written reason for both, once, at the row version read — audited {@code RED_CARD_CONFIRMED} /
 * {@code RED_CARD_DISMISSED} with ids and codes; a readable card the caller may not decide is 403, an unreadable one
 * 404.
 */
@Service
class RedCards {

    static final int REASON_MAX = 2000;

    private final RedCardRepository cards;
    private final RecordedFindings findings;
    private final AccountDirectory accounts;
    private final AuditTrail audit;
    private final Clock clock;

    RedCards(RedCardRepository cards, RecordedFindings findings, AccountDirectory accounts, AuditTrail audit,
             Clock clock) {
        this.cards = cards;
        this.findings = findings;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** One side of a card: an item with the matching file or text. */
    record Side(long itemId, int position, String organizationName, String bodyName, String wording,
                RedCardRepository.EvidenceShown evidence, String progressText) {
    }

    /**
     * A card with its two sides; {@code other} empty when the caller may not read the other item; {@code finding}
     * the linked 回头看 finding's title, when the caller reads it.
     */
    record CardPage(RedCardRepository.Card card, Side side, Optional<Side> other, Optional<RecordedFinding> finding,
                    boolean forTarget) {
    }

    @Transactional(readOnly = true)
    ResultPage<RedCardRepository.Card> list(DataScope scope, RedCardFilter filter, int page, int size) {
        return cards.page(scope, filter, page, size);
    }

    @Transactional(readOnly = true)
    List<RedCardRepository.Option> organizations(DataScope scope) {
        return cards.organizations(scope);
    }

    @Transactional(readOnly = true)
    List<RedCardRepository.Card> ofItem(DataScope scope, long itemId) {
        return cards.ofItem(itemId, scope);
    }

    @Transactional(readOnly = true)
    RedCardRepository.Card card(DataScope scope, long id) {
        return cards.card(id, scope).orElseThrow(() -> new NotFoundInScope("red card " + id));
    }

    @Transactional(readOnly = true)
    CardPage page(DataScope scope, long id) {
        RedCardRepository.Card c = card(scope, id);
        boolean target = scope.has(Role.TARGET);
        Side side = new Side(c.itemId(), c.position(), c.organizationName(), c.bodyName(), c.wording(),
                cards.evidence(c.evidenceId()).orElse(null), cards.progressText(c.progressId()).orElse(null));
        Optional<Side> other = Optional.empty();
        Optional<RecordedFinding> finding = Optional.empty();
        if (!target) {
            if (c.otherItemId() != null) {
                other = cards.otherItem(c.otherItemId(), scope).map(o -> new Side(o.id(), o.position(),
                        o.organizationName(), o.bodyName(), o.wording(),
                        cards.evidence(c.otherEvidenceId()).orElse(null),
                        cards.progressText(c.otherProgressId()).orElse(null)));
            }
            if (c.findingId() != null) {
                finding = findings.find(scope, FindingId.of(c.findingId()));
            }
        }
        return new CardPage(c, side, other, finding, target);
    }

    /** 认定 or 撤销 a raised card with the office's written reason. */
    @Transactional
    void decide(DataScope scope, long id, int rowVersion, String decisionCode, String reasonText) {
        RedCardRepository.Card c = card(scope, id);
        if (!c.forOffice()) {
            throw new AccessDeniedException("红牌由本级巡察办认定或撤销");
        }
        RedCardStatus.Decision decision = RedCardStatus.Decision.parse(decisionCode == null ? "" : decisionCode.strip())
                .orElseThrow(() -> new UserInputException("请选择认定或撤销"));
        RedCardStatus to = c.status().after(decision);
        String reason = reasonText == null ? "" : reasonText.strip();
        if (reason.isEmpty()) {
            throw new UserInputException("“" + decision.label() + "”红牌须写明理由");
        }
        if (reason.length() > REASON_MAX) {
            throw new UserInputException("理由最多 " + REASON_MAX + " 字");
        }
        if (c.rowVersion() != rowVersion) {
            throw new UserInputException("该红牌已被他人处理，请刷新后重试");
        }
        String name = accounts.displayNames(Set.of(scope.user())).get(scope.user());
        if (!cards.decide(id, rowVersion, to, reason, scope.user().value(),
                name == null || name.isBlank() ? "账号" + scope.user().value() : name,
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))) {
            throw new UserInputException("该红牌已被他人处理，请刷新后重试");
        }
        audit.success(to == RedCardStatus.CONFIRMED ? "RED_CARD_CONFIRMED" : "RED_CARD_DISMISSED", "RedCard", id,
                "kind=" + c.kind() + "; item=" + c.itemId() + "; from=" + c.status() + "; to=" + to + "; version="
                        + (rowVersion + 1));
    }
}
