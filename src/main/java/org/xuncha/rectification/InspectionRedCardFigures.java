package org.xuncha.rectification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.OrganizationId;
import org.xuncha.rectification.internal.LedgerScope;
import org.xuncha.rectification.internal.RedCardStore;

/**
 * {@link RedCardCounts} of one organization's ledger items of one inspection — what supervision's 整改质效评估 of that
 * inspection counts (RedCardFigures counts an organization over all its inspections). Same rule as RedCardFigures:
 * the cards the caller reads ({@code RedCardStore.readable} over the item's LedgerScope; the TARGET only confirmed
 * cards of its own items); 0 outside the scope.
 */
@Service
public class InspectionRedCardFigures {

    private final JdbcClient jdbc;

    InspectionRedCardFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public RedCardCounts countsOf(DataScope scope, InspectionId inspection, OrganizationId organization) {
        return LedgerScope.bind(jdbc.sql("SELECT"
                        + " coalesce(sum(CASE WHEN c.status = 'RAISED' THEN 1 ELSE 0 END), 0),"
                        + " coalesce(sum(CASE WHEN c.status = 'CONFIRMED' THEN 1 ELSE 0 END), 0),"
                        + " coalesce(sum(CASE WHEN c.status = 'DISMISSED' THEN 1 ELSE 0 END), 0),"
                        + " count(DISTINCT CASE WHEN c.status = 'CONFIRMED' THEN c.item_id END)"
                        + " FROM rectification_red_card c WHERE" + RedCardStore.readable(scope, "c")
                        + " AND c.inspection_id = :inspection AND c.organization_id = :organization"), scope)
                .param("inspection", inspection.value()).param("organization", organization.value())
                .query((rs, n) -> new RedCardCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }
}
