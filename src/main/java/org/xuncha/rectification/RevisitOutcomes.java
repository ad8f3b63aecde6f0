package org.xuncha.rectification;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.OrganizationId;
import org.xuncha.identity.AccountDirectory;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.internal.LedgerScope;
import org.xuncha.rectification.internal.RedCardStore;
import org.xuncha.rectification.ledger.ItemReopening;

/**
 * What a check after the ledger — supervision's 回访, 专项督查 and 回头看 (issue 15) — reads of the ledger and does to
 * its items: the items of an organization in an inspection (scoped by the ledger's own rule), and per item one of
 * three results, decided by the office of the item's body only:
 * <ul>
 * <li>{@link #confirm}: 确认整改到位 — the ledger is not changed (the item is already signed off or carried on as
 * 持续整改); this only checks that the caller may decide on the item and that the item is in such a state;</li>
 * <li>{@link #reopen}: 二次整改 — the ledger's own REOPEN move (ItemStatus, with its refusals, history and audit);</li>
 * <li>{@link #raiseRedCard}: a REVISIT red card (待认定) on the item, once per item and {@code matchKey}.</li>
 * </ul>
 * A forged or unreadable item is {@link NotFoundInScope}; a readable one the caller may not decide on is refused.
 */
@Service
public class RevisitOutcomes {

    private final JdbcClient jdbc;
    private final ItemReopening reopening;
    private final RedCardStore cards;
    private final AccountDirectory accounts;

    RevisitOutcomes(JdbcClient jdbc, ItemReopening reopening, RedCardStore cards, AccountDirectory accounts) {
        this.jdbc = jdbc;
        this.reopening = reopening;
        this.cards = cards;
        this.accounts = accounts;
    }

    /** One item of an approved plan as the check reads it; {@code wording}: the fed-back problem it answers. */
    public record LedgerLine(RectificationItemId item, InspectionId inspection, OrganizationId organization,
                             int position, String wording, String goal, ItemStatus status, LocalDate signedOffOn,
                             boolean decidable) {
    }

    /**
     * The items of the approved plans of {@code organization} (null: every organization) in {@code inspection}
     * that the caller reads, in plan order; {@code decidable} when the caller is the office of the item's body.
     */
    @Transactional(readOnly = true)
    public List<LedgerLine> ledger(DataScope scope, InspectionId inspection, OrganizationId organization) {
        return LedgerScope.bind(jdbc.sql("""
                SELECT i.id, i.inspection_id, i.organization_id, i.position, fi.wording, i.goal, i.status,
                       i.signed_off_on, CASE WHEN""" + LedgerScope.officeWritable(scope, "i") + """
                        THEN 1 ELSE 0 END
                  FROM rectification_item i
                  JOIN rectification_plan p ON p.id = i.plan_id
                  JOIN rectification_feedback_item fi ON fi.id = i.feedback_item_id
                 WHERE p.status = 'APPROVED' AND i.inspection_id = :inspection
                   AND (:org < 0 OR i.organization_id = :org) AND""" + LedgerScope.readable(scope, "i") + """
                 ORDER BY i.organization_id, i.plan_id, i.position
                """), scope).param("inspection", inspection.value())
                .param("org", organization == null ? -1L : organization.value())
                .query((rs, n) -> new LedgerLine(RectificationItemId.of(rs.getLong(1)),
                        InspectionId.of(rs.getLong(2)), OrganizationId.of(rs.getLong(3)), rs.getInt(4),
                        rs.getString(5), rs.getString(6), ItemStatus.valueOf(rs.getString(7)),
                        rs.getObject(8, LocalDate.class), rs.getInt(9) == 1))
                .list();
    }

    private LedgerLine decidable(DataScope scope, RectificationItemId item) {
        LedgerLine line = LedgerScope.bind(jdbc.sql("""
                SELECT i.id, i.inspection_id, i.organization_id, i.position, fi.wording, i.goal, i.status,
                       i.signed_off_on, CASE WHEN""" + LedgerScope.officeWritable(scope, "i") + """
                        THEN 1 ELSE 0 END
                  FROM rectification_item i
                  JOIN rectification_plan p ON p.id = i.plan_id
                  JOIN rectification_feedback_item fi ON fi.id = i.feedback_item_id
                 WHERE p.status = 'APPROVED' AND i.id = :id AND""" + LedgerScope.readable(scope, "i")), scope)
                .param("id", item.value())
                .query((rs, n) -> new LedgerLine(RectificationItemId.of(rs.getLong(1)),
                        InspectionId.of(rs.getLong(2)), OrganizationId.of(rs.getLong(3)), rs.getInt(4),
                        rs.getString(5), rs.getString(6), ItemStatus.valueOf(rs.getString(7)),
                        rs.getObject(8, LocalDate.class), rs.getInt(9) == 1))
                .optional().orElseThrow(() -> new NotFoundInScope("rectification item " + item));
        if (!line.decidable()) {
            throw new AccessDeniedException("回访、督查结果由本级巡察办认定");
        }
        return line;
    }

    /** 确认整改到位: refused unless the item is 已销号 or 持续整改 (an open item is still being rectified). */
    @Transactional(readOnly = true)
    public void confirm(DataScope scope, RectificationItemId item) {
        ItemStatus status = decidable(scope, item).status();
        if (status != ItemStatus.SIGNED_OFF && status != ItemStatus.LONG_TERM) {
            throw new UserInputException("该事项处于“" + status.label() + "”，尚未销号，不能确认整改到位");
        }
    }

    /** 二次整改 with {@code reason}, through the ledger's REOPEN move (from 已销号 or 持续整改). */
    @Transactional
    public void reopen(DataScope scope, RectificationItemId item, String reason) {
        decidable(scope, item);
        reopening.reopen(scope, item.value(), reason);
    }

    /**
     * Raises the REVISIT red card on the item for what {@code matchKey} names (e.g. {@code revisit:<id>}); raising
     * it again returns the existing card's id.
     */
    @Transactional
    public long raiseRedCard(DataScope scope, RectificationItemId item, String matchKey) {
        decidable(scope, item);
        if (matchKey == null || matchKey.isBlank() || matchKey.length() > 80) {
            throw new IllegalArgumentException("match key");
        }
        String name = accounts.displayNames(Set.of(scope.user())).get(scope.user());
        return cards.raise(new RedCardStore.NewCard(RedCardKind.REVISIT, item.value(), matchKey, null, null, null,
                        null, null, null, null, null, null, scope.user().value(),
                        name == null || name.isBlank() ? "账号" + scope.user().value() : name))
                .orElseGet(() -> jdbc.sql("SELECT id FROM rectification_red_card WHERE kind = 'REVISIT'"
                                + " AND item_id = :i AND match_key = :k").param("i", item.value()).param("k", matchKey)
                        .query(Long.class).single());
    }
}
