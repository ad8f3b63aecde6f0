package org.xuncha.intake.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2 trigger that refuses UPDATE and DELETE on petition_text_revision, the kept versions of replies and outcomes
 * (the PostgreSQL edition uses a plpgsql trigger, V7_2_1 under db/vendor).
 */
public class RevisionAppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("petition_text_revision is append-only, 答复和办理结果的修改记录不可修改或删除", "42000");
    }
}
