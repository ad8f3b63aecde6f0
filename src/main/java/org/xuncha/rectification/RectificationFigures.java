package org.xuncha.rectification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.OrganizationId;
import org.xuncha.rectification.internal.LedgerScope;

/**
 * The ledger's figures ({@link RectificationCounts}, whose Javadoc holds the definitions), counted in SQL at read time
 * over the delivered feedback the caller may read (LedgerScope.readable on {@code rectification_feedback}: the office
 * its readable bodies', the leading group, 纪委 and 组织部 their body's, the team its inspection's, the TARGET its own
 * organization's; anyone else 0). The set: by inspection, by organization, or by body and period — feedback delivered
 * in the period (inclusive); the states are the items' states today (the as-of date of 按期报结率).
 */
@Service
public class RectificationFigures {

    private final JdbcClient jdbc;
    private final Clock clock;

    RectificationFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What to count; every field optional (none: everything the caller reads). */
    public record Query(BodyId body, LocalDate from, LocalDate to, InspectionId inspection,
                        OrganizationId organization) {

        public static Query all() {
            return new Query(null, null, null, null, null);
        }
    }

    /** One organization's figures. */
    public record OrganizationCounts(OrganizationId organization, String name, RectificationCounts counts) {
    }

    @Transactional(readOnly = true)
    public RectificationCounts countsOf(DataScope scope, InspectionId inspection) {
        return countsOf(scope, new Query(null, null, null, inspection, null));
    }

    @Transactional(readOnly = true)
    public RectificationCounts countsOf(DataScope scope, OrganizationId organization) {
        return countsOf(scope, new Query(null, null, null, null, organization));
    }

    @Transactional(readOnly = true)
    public RectificationCounts countsOf(DataScope scope, BodyId body, LocalDate from, LocalDate to) {
        return countsOf(scope, new Query(body, from, to, null, null));
    }

    @Transactional(readOnly = true)
    public RectificationCounts countsOf(DataScope scope, Query query) {
        return perOrganization(scope, query).values().stream().reduce(RectificationCounts.zero(),
                RectificationCounts::plus);
    }

    /** The figures per inspected organization of the set, by name. */
    @Transactional(readOnly = true)
    public List<OrganizationCounts> byOrganization(DataScope scope, Query query) {
        Map<Long, RectificationCounts> counts = perOrganization(scope, query);
        if (counts.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = new HashMap<>();
        jdbc.sql("SELECT id, name FROM party_organization_view WHERE id IN (:ids)").param("ids", counts.keySet())
                .query(rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        List<OrganizationCounts> rows = new ArrayList<>();
        counts.forEach((id, c) -> rows.add(new OrganizationCounts(OrganizationId.of(id),
                names.getOrDefault(id, "组织" + id), c)));
        rows.sort(Comparator.comparing(OrganizationCounts::name).thenComparing(r -> r.organization().value()));
        return rows;
    }

    private Map<Long, RectificationCounts> perOrganization(DataScope scope, Query q) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder set = new StringBuilder(" f.status = 'DELIVERED' AND").append(LedgerScope.readable(scope, "f"));
        if (q.body() != null) {
            set.append(" AND f.body_id = :body");
            p.put("body", q.body().value());
        }
        if (q.inspection() != null) {
            set.append(" AND f.inspection_id = :inspection");
            p.put("inspection", q.inspection().value());
        }
        if (q.organization() != null) {
            set.append(" AND f.organization_id = :organization");
            p.put("organization", q.organization().value());
        }
        if (q.from() != null) {
            set.append(" AND f.delivered_on >= :from");
            p.put("from", q.from());
        }
        if (q.to() != null) {
            set.append(" AND f.delivered_on <= :to");
            p.put("to", q.to());
        }
        p.put("asOf", LocalDate.now(clock));

        Map<Long, long[]> problems = new LinkedHashMap<>();
        LedgerScope.bind(jdbc.sql("""
                SELECT x.org, count(*),
                       coalesce(sum(CASE WHEN x.n > 0 AND x.signed = x.n THEN 1 ELSE 0 END), 0),
                       coalesce(sum(CASE WHEN x.n > 0 AND x.signed < x.n AND x.signed + x.lt = x.n THEN 1 ELSE 0 END), 0),
                       coalesce(sum(CASE WHEN x.cannot > 0 THEN 1 ELSE 0 END), 0)
                FROM (SELECT fi.id AS problem, f.organization_id AS org, count(i.id) AS n,
                             coalesce(sum(CASE WHEN i.status = 'SIGNED_OFF' THEN 1 ELSE 0 END), 0) AS signed,
                             coalesce(sum(CASE WHEN i.status = 'LONG_TERM' THEN 1 ELSE 0 END), 0) AS lt,
                             coalesce(sum(CASE WHEN i.status = 'CANNOT_RECTIFY' THEN 1 ELSE 0 END), 0) AS cannot
                      FROM rectification_feedback_item fi
                      JOIN rectification_feedback f ON f.id = fi.feedback_id
                      LEFT JOIN rectification_plan p ON p.feedback_id = f.id AND p.status = 'APPROVED'
                      LEFT JOIN rectification_item i ON i.feedback_item_id = fi.id AND i.plan_id = p.id
                      WHERE""" + set + """
                       GROUP BY fi.id, f.organization_id) x
                GROUP BY x.org
                """), scope).params(p).query(rs -> {
                    problems.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5)});
                });

        String items = " FROM rectification_item i JOIN rectification_plan p ON p.id = i.plan_id"
                + " JOIN rectification_feedback f ON f.id = p.feedback_id WHERE p.status = 'APPROVED' AND" + set;
        Map<Long, Map<ItemStatus, Long>> byStatus = new HashMap<>();
        Map<Long, long[]> timeliness = new HashMap<>();
        LedgerScope.bind(jdbc.sql("SELECT f.organization_id, i.status, count(*),"
                + " coalesce(sum(CASE WHEN i.status <> 'CANNOT_RECTIFY' AND (i.status = 'SIGNED_OFF'"
                + " OR i.due_on < :asOf) THEN 1 ELSE 0 END), 0),"
                + " coalesce(sum(CASE WHEN i.status = 'SIGNED_OFF' AND i.signed_off_on <= i.due_on THEN 1 ELSE 0 END), 0)"
                + items + " GROUP BY f.organization_id, i.status"), scope).params(p).query(rs -> {
                    long org = rs.getLong(1);
                    byStatus.computeIfAbsent(org, k -> new EnumMap<>(ItemStatus.class))
                            .put(ItemStatus.valueOf(rs.getString(2)), rs.getLong(3));
                    long[] t = timeliness.computeIfAbsent(org, k -> new long[2]);
                    t[0] += rs.getLong(4);
                    t[1] += rs.getLong(5);
                });
        Map<Long, Long> rules = new HashMap<>();
        LedgerScope.bind(jdbc.sql("SELECT y.org, count(*) FROM (SELECT DISTINCT f.organization_id AS org, e.title"
                + " FROM rectification_evidence e JOIN rectification_item i ON i.id = e.item_id"
                + " JOIN rectification_plan p ON p.id = i.plan_id JOIN rectification_feedback f ON f.id = p.feedback_id"
                + " WHERE e.kind = 'RULES' AND p.status = 'APPROVED' AND" + set + ") y GROUP BY y.org"), scope)
                .params(p).query(rs -> {
                    rules.put(rs.getLong(1), rs.getLong(2));
                });
        Map<Long, long[]> money = new HashMap<>();
        LedgerScope.bind(jdbc.sql("SELECT f.organization_id, coalesce(sum(pr.money_returned_fen), 0),"
                + " coalesce(sum(pr.loss_retrieved_fen), 0) FROM rectification_progress pr"
                + " JOIN rectification_item i ON i.id = pr.item_id JOIN rectification_plan p ON p.id = i.plan_id"
                + " JOIN rectification_feedback f ON f.id = p.feedback_id WHERE p.status = 'APPROVED' AND" + set
                + " GROUP BY f.organization_id"), scope).params(p).query(rs -> {
                    money.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });

        Map<Long, RectificationCounts> result = new LinkedHashMap<>();
        problems.forEach((org, pr) -> {
            Map<ItemStatus, Long> s = byStatus.getOrDefault(org, Map.of());
            long total = s.values().stream().mapToLong(Long::longValue).sum();
            long[] t = timeliness.getOrDefault(org, new long[2]);
            long[] m = money.getOrDefault(org, new long[2]);
            result.put(org, new RectificationCounts(pr[0], pr[1], pr[2], pr[0] - pr[1] - pr[2], pr[3], total, s,
                    t[0], t[1], rules.getOrDefault(org, 0L), m[0], m[1]));
        });
        return result;
    }
}
