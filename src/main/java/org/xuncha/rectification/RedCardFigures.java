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
 * {@link RedCardCounts} of an inspection's or an organization's ledger items, counted in SQL over the cards the
 * caller reads ({@code RedCardStore.readable}: the item's ledger scope, the TARGET only confirmed cards of its own
 * items); 0 outside the scope.
 */
@Service
public class RedCardFigures {

    private final JdbcClient jdbc;

    RedCardFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public RedCardCounts countsOf(DataScope scope, InspectionId inspection) {
        return counts(scope, " AND c.inspection_id = :id", inspection.value());
    }

    @Transactional(readOnly = true)
    public RedCardCounts countsOf(DataScope scope, OrganizationId organization) {
        return counts(scope, " AND c.organization_id = :id", organization.value());
    }

    private RedCardCounts counts(DataScope scope, String where, long id) {
        return LedgerScope.bind(jdbc.sql("SELECT"
                        + " coalesce(sum(CASE WHEN c.status = 'RAISED' THEN 1 ELSE 0 END), 0),"
                        + " coalesce(sum(CASE WHEN c.status = 'CONFIRMED' THEN 1 ELSE 0 END), 0),"
                        + " coalesce(sum(CASE WHEN c.status = 'DISMISSED' THEN 1 ELSE 0 END), 0),"
                        + " count(DISTINCT CASE WHEN c.status = 'CONFIRMED' THEN c.item_id END)"
                        + " FROM rectification_red_card c WHERE" + RedCardStore.readable(scope, "c") + where), scope)
                .param("id", id)
                .query((rs, n) -> new RedCardCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }
}
