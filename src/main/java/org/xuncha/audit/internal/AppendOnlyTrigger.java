package org.xuncha.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** H2 trigger that refuses UPDATE and DELETE on the audit trail (the PostgreSQL edition uses a plpgsql trigger). */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_record is append-only, 审计记录不可修改或删除", "42000");
    }
}
