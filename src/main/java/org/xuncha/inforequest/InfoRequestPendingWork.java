package org.xuncha.inforequest;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.platform.web.PendingWork;

/**
 * 待办 on the home page: a collaborator's unanswered requests; for an office, its own body's requests that
 * nobody answered by the due date (it should chase them before the team goes in).
 */
@Component
class InfoRequestPendingWork implements PendingWork {

    private final JdbcClient jdbc;
    private final InfoRequestDesk desk;

    InfoRequestPendingWork(JdbcClient jdbc, InfoRequestDesk desk) {
        this.jdbc = jdbc;
        this.desk = desk;
    }

    @Override
    public List<Item> pendingFor(DataScope scope) {
        List<Item> items = new ArrayList<>();
        if (scope.has(Role.COLLABORATOR)) {
            long[] counts = counts(InfoRequestRepository.answerable(scope), scope);
            items.add(new Item("待答复的巡前通报", counts[0], counts[1], "/info-requests?status=SENT"));
        }
        if (scope.has(Role.OFFICE)) {
            long[] counts = counts(" i.body_id = :ownBody", scope);
            items.add(new Item("逾期未答复的巡前通报", counts[1], counts[1], "/info-requests?overdue=true"));
        }
        return items;
    }

    /** Unanswered requests and how many of them are overdue, in the given scope clause. */
    private long[] counts(String scopeClause, DataScope scope) {
        return InfoRequestRepository.bind(jdbc.sql("""
                SELECT count(*), COALESCE(SUM(CASE WHEN r.due_on < :today THEN 1 ELSE 0 END), 0)
                FROM info_request r JOIN inspection_scope_view i ON i.id = r.inspection_id
                WHERE r.status = 'SENT' AND""" + scopeClause), scope)
                .param("today", desk.today())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }
}
