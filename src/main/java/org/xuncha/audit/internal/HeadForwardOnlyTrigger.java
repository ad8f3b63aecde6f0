package org.xuncha.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

import org.h2.api.Trigger;

/**
 * H2 trigger that lets the audit chain head move forward only (V8_1_1; the PostgreSQL edition uses a plpgsql
 * trigger): an UPDATE must raise last_seq, or leave seq and hash as they are; a DELETE of the head is refused.
 * Columns of audit_chain_head in table order: id, last_seq, last_hash.
 */
public class HeadForwardOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow == null) {
            throw new SQLException("audit_chain_head cannot be removed, 审计链头不可删除", "42000");
        }
        long before = ((Number) oldRow[1]).longValue();
        long after = ((Number) newRow[1]).longValue();
        if (after > before || (after == before && Objects.equals(oldRow[2], newRow[2]))) {
            return;
        }
        throw new SQLException("audit_chain_head moves forward only (" + before + " -> " + after
                + "), 审计链头不可回退", "42000");
    }
}
