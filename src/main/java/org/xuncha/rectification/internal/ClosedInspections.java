package org.xuncha.rectification.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xuncha.platform.web.UserInputException;

/**
 * A closed (报结) inspection's rectification data is read-only (issue 15 §6): the ledger's writes (progress, moves)
 * and the plan's edits ask here first and are refused, changing nothing, once the inspection's stage is CLOSED
 * (read from inspection's {@code inspection_scope_view}).
 */
@Component
public class ClosedInspections {

    public static final String READ_ONLY = "该巡察已报结，整改数据只读，不能再修改";

    private final JdbcClient jdbc;

    ClosedInspections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void refuseIfClosed(long inspectionId) {
        boolean closed = jdbc.sql("SELECT count(*) FROM inspection_scope_view WHERE id = :i AND stage = 'CLOSED'")
                .param("i", inspectionId).query(Long.class).single() > 0;
        if (closed) {
            throw new UserInputException(READ_ONLY);
        }
    }
}
