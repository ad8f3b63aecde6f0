package org.xuncha.audit.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.audit.AuditReach;

/**
 * Reads the audit trail for the auditor's page, newest first. The trail holds no case content; what an auditor
 * reads is their {@link AuditReach} (own body and the bodies below it), filtered in the SQL like a data scope.
 * Filters are fixed SQL fragments with named parameters.
 */
@Repository
class AuditRecordRepository {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    AuditRecordRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    long count(AuditReach reach, AuditFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(reach, filter, params);
        return jdbc.sql("SELECT COUNT(*) FROM audit_record" + where).params(params).query(Long.class).single();
    }

    List<AuditRow> page(AuditReach reach, AuditFilter filter, int offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(reach, filter, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("""
                        SELECT seq, occurred_at, actor, action, object_type, object_id, result, detail
                        FROM audit_record""" + where + " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> new AuditRow(rs.getLong("seq"),
                        rs.getObject("occurred_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                        rs.getString("actor"), rs.getString("action"), rs.getString("object_type"),
                        rs.getString("object_id"), rs.getString("result"), rs.getString("detail")))
                .list();
    }

    private String where(AuditReach reach, AuditFilter filter, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        if (!reach.wholeTrail()) {
            sql.append(reach.unattributed() ? " AND (body_id IN (:bodies) OR body_id IS NULL)" : " AND body_id IN (:bodies)");
            params.put("bodies", reach.bodyIds());
        }
        if (filter.actor() != null) {
            sql.append(" AND actor = :actor");
            params.put("actor", filter.actor());
        }
        if (filter.action() != null) {
            sql.append(" AND action = :action");
            params.put("action", filter.action());
        }
        if (filter.result() != null) {
            sql.append(" AND result = :result");
            params.put("result", filter.result().name());
        }
        if (filter.from() != null) {
            sql.append(" AND occurred_at >= :from");
            params.put("from", filter.fromInstant(zone));
        }
        if (filter.to() != null) {
            sql.append(" AND occurred_at < :toExclusive");
            params.put("toExclusive", filter.toExclusiveInstant(zone));
        }
        return sql.toString();
    }
}
