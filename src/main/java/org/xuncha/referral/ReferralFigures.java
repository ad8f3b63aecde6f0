package org.xuncha.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.Role;
import org.xuncha.organization.InspectionBodies;
import org.xuncha.referral.internal.ReferralScope;

/**
 * The outcome figures ({@link OutcomeCounts}) of a set of transferred items, counted in SQL over the items the caller
 * may count ({@link ReferralScope#figures}: the office and leading group of the transferring body, the receivers
 * their own items, the team its inspection's; the TARGET nothing — every figure 0, whatever exists). 投案自首 are
 * counted for the discipline body's own accounts, the office and leading group of the body, and the team of the
 * inspection that prompted them.
 *
 * <p>Two sets: an inspection's items (every current event, whatever its date), and a transferring body's items
 * with the events dated in a period (inclusive; a person's form is then the heaviest of their events in the
 * period). The full §5 figures (办结率, 线索成案率 …) are {@link #transferCounts}.
 */
@Service
public class ReferralFigures {

    /** An event counts unless another corrects it; a retraction counts as nothing. */
    private static final String CURRENT = " o.kind <> 'RETRACTED' AND NOT EXISTS (SELECT 1 FROM referral_outcome c"
            + " WHERE c.corrects_id = o.id)";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final InspectionBodies bodies;

    ReferralFigures(JdbcClient jdbc, Clock clock, InspectionBodies bodies) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.bodies = bodies;
    }

    @Transactional(readOnly = true)
    public OutcomeCounts countsOf(DataScope scope, InspectionId inspection) {
        String items = " t.inspection_id = :set";
        String surrenders = " s.inspection_id = :set";
        return counts(scope, items, surrenders, Map.of("set", inspection.value()));
    }

    @Transactional(readOnly = true)
    public OutcomeCounts countsOf(DataScope scope, BodyId body, LocalDate from, LocalDate to) {
        String items = " t.body_id = :set AND o.occurred_on >= :from AND o.occurred_on <= :to";
        String surrenders = " s.body_id = :set AND s.surrendered_on >= :from AND s.surrendered_on <= :to";
        return counts(scope, items, surrenders, Map.of("set", body.value(), "from", from, "to", to));
    }

    /**
     * The §5 figures ({@link TransferCounts}, whose Javadoc holds the definitions) of the items the query picks, among
     * those the caller may count ({@link ReferralScope#figures}; the TARGET: every figure 0). Counted in SQL; dates
     * of the period are business-zone dates (an item transferred at 23:59 local time on the last day counts).
     */
    @Transactional(readOnly = true)
    public TransferCounts transferCounts(DataScope scope, FigureQuery query) {
        LocalDate asOf = query.to() != null ? query.to() : LocalDate.now(clock);
        Map<String, Object> p = new HashMap<>();
        p.put("asOf", asOf);
        p.put("asOfEnd", OffsetDateTime.ofInstant(asOf.plusDays(1).atStartOfDay(clock.getZone()).toInstant(),
                ZoneOffset.UTC));
        List<String> items = new ArrayList<>();
        List<String> surrenders = new ArrayList<>();
        if (query.body() != null) {
            List<Long> ids = query.withBelow()
                    ? bodies.selfAndDescendants(query.body()).stream().map(BodyId::value).toList()
                    : List.of(query.body().value());
            p.put("bodies", ids);
            items.add("t.body_id IN (:bodies)");
            surrenders.add("s.body_id IN (:bodies)");
        }
        if (query.round() != null) {
            p.put("round", query.round().value());
            items.add("t.inspection_id IN (SELECT r.id FROM inspection_scope_view r WHERE r.round_id = :round)");
            surrenders.add("s.inspection_id IN (SELECT r.id FROM inspection_scope_view r WHERE r.round_id = :round)");
        }
        if (query.inspection() != null) {
            p.put("inspection", query.inspection().value());
            items.add("t.inspection_id = :inspection");
            surrenders.add("s.inspection_id = :inspection");
        }
        if (query.from() != null) {
            p.put("fromStart", OffsetDateTime.ofInstant(query.from().atStartOfDay(clock.getZone()).toInstant(),
                    ZoneOffset.UTC));
            p.put("from", query.from());
            items.add("t.transferred_at >= :fromStart");
            surrenders.add("s.surrendered_on >= :from");
        }
        items.add("t.transferred_at < :asOfEnd");
        surrenders.add("s.surrendered_on <= :asOf");
        String itemSet = " " + String.join(" AND ", items);
        String current = " o.item_id = t.id AND" + CURRENT + " AND o.occurred_on <= :asOf";
        String reply = "CASE WHEN x.first_on IS NULL THEN x.closed WHEN x.closed IS NULL OR x.first_on <= x.closed"
                + " THEN x.first_on ELSE x.closed END";
        String sql = "SELECT COUNT(*), COALESCE(SUM(x.pc), 0),"
                + " COUNT(CASE WHEN x.signed = 1 THEN 1 END), COALESCE(SUM(CASE WHEN x.signed = 1 THEN x.pc END), 0),"
                + " COUNT(x.first_on), COALESCE(SUM(CASE WHEN x.first_on IS NOT NULL THEN x.pc END), 0),"
                + " COUNT(x.closed), COALESCE(SUM(CASE WHEN x.closed IS NOT NULL THEN x.pc END), 0),"
                + " COUNT(CASE WHEN x.lead = 1 THEN 1 END), COUNT(CASE WHEN x.lead = 1 AND x.filed = 1 THEN 1 END),"
                + " COUNT(CASE WHEN x.due_on IS NOT NULL AND (" + reply + " IS NOT NULL OR x.due_on < :asOf)"
                + " THEN 1 END),"
                + " COUNT(CASE WHEN x.due_on IS NOT NULL AND " + reply + " <= x.due_on THEN 1 END)"
                + " FROM (SELECT t.person_count AS pc, t.due_on,"
                + " CASE WHEN t.signed_at IS NOT NULL AND t.signed_at < :asOfEnd THEN 1 ELSE 0 END AS signed,"
                + " CASE WHEN t.subject_kind = 'LEAD' THEN 1 ELSE 0 END AS lead,"
                + " (SELECT MIN(o.occurred_on) FROM referral_outcome o WHERE" + current + ") AS first_on,"
                + " CASE WHEN t.closed_on <= :asOf THEN t.closed_on END AS closed,"
                + " CASE WHEN EXISTS (SELECT 1 FROM referral_outcome o WHERE" + current
                + " AND o.kind = 'CASE_FILED') THEN 1 ELSE 0 END AS filed"
                + " FROM transfer_item t WHERE" + itemSet + " AND" + ReferralScope.figures(scope, "t") + ") x";
        long[] c = bind(jdbc.sql(sql), scope, p).query((rs, n) -> {
            long[] r = new long[12];
            for (int i = 0; i < 12; i++) {
                r[i] = rs.getLong(i + 1);
            }
            return r;
        }).single();
        OutcomeCounts outcomes = counts(scope, itemSet + " AND o.occurred_on <= :asOf",
                " " + String.join(" AND ", surrenders), p);
        return new TransferCounts(new TransferCounts.Count(c[0], c[1]), new TransferCounts.Count(c[2], c[3]),
                new TransferCounts.Count(c[4], c[5]), new TransferCounts.Count(c[6], c[7]), c[8], c[9], c[10], c[11],
                outcomes);
    }

    private OutcomeCounts counts(DataScope scope, String itemSet, String surrenderSet, Map<String, Object> p) {
        String from_ = " FROM referral_outcome o JOIN transfer_item t ON t.id = o.item_id WHERE" + itemSet + " AND"
                + CURRENT + " AND" + ReferralScope.figures(scope, "t");
        long[] totals = bind(jdbc.sql("SELECT"
                + " COUNT(DISTINCT CASE WHEN o.kind = 'CASE_FILED' THEN t.id END),"
                + " COUNT(DISTINCT CASE WHEN o.kind = 'CASE_CLOSED' THEN t.id END),"
                + " COUNT(DISTINCT CASE WHEN o.kind = 'CASE_FILED' THEN o.person_id END),"
                + " COUNT(DISTINCT CASE WHEN o.kind IN ('PARTY_SANCTION', 'GOVERNMENT_SANCTION') THEN o.person_id END),"
                + " COUNT(DISTINCT CASE WHEN o.kind = 'JUDICIAL_REFERRAL' THEN o.person_id END),"
                + " COUNT(DISTINCT CASE WHEN o.kind = 'DETENTION' THEN o.person_id END),"
                + " COALESCE(SUM(o.recovered_fen), 0), COALESCE(SUM(o.loss_retrieved_fen), 0)" + from_),
                scope, p)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)}).single();
        Map<PartySanction, Long> party = new EnumMap<>(PartySanction.class);
        Map<GovernmentSanction, Long> government = new EnumMap<>(GovernmentSanction.class);
        Map<OrganizationalHandling, Long> organizational = new EnumMap<>(OrganizationalHandling.class);
        Map<FirstFormMeasure, Long> firstForm = new EnumMap<>(FirstFormMeasure.class);
        bind(jdbc.sql("SELECT o.kind, o.code, COUNT(DISTINCT o.person_id)" + from_ + " AND o.kind IN"
                + " ('PARTY_SANCTION', 'GOVERNMENT_SANCTION', 'ORGANIZATIONAL_HANDLING', 'FIRST_FORM_MEASURE')"
                + " AND o.person_id IS NOT NULL GROUP BY o.kind, o.code"), scope, p)
                .query(rs -> {
                    OutcomeKind kind = OutcomeKind.valueOf(rs.getString(1));
                    String code = rs.getString(2);
                    long n = rs.getLong(3);
                    switch (kind) {
                        case PARTY_SANCTION -> party.put(PartySanction.valueOf(code), n);
                        case GOVERNMENT_SANCTION -> government.put(GovernmentSanction.valueOf(code), n);
                        case ORGANIZATIONAL_HANDLING -> organizational.put(OrganizationalHandling.valueOf(code), n);
                        default -> firstForm.put(FirstFormMeasure.valueOf(code), n);
                    }
                });
        Map<Form, Long> byForm = new EnumMap<>(Form.class);
        List<Form> forms = List.of(Form.values());
        bind(jdbc.sql("SELECT x.f, COUNT(*) FROM (SELECT o.person_id, MAX(" + Form.sqlOrdinal("o.kind", "o.code")
                + ") AS f" + from_ + " AND o.person_id IS NOT NULL GROUP BY o.person_id) x WHERE x.f IS NOT NULL"
                + " GROUP BY x.f"), scope, p)
                .query(rs -> {
                    byForm.put(forms.get(rs.getInt(1)), rs.getLong(2));
                });
        long surrenders = surrenderClause(scope).equals(" (1 = 0)") ? 0 : bind(jdbc.sql(
                "SELECT count(*) FROM referral_surrender s WHERE" + surrenderSet + " AND" + surrenderClause(scope)),
                scope, p).query(Long.class).single();
        return new OutcomeCounts(totals[0], totals[1], totals[2], totals[3], party, government, organizational,
                firstForm, byForm, totals[4], totals[5], surrenders, totals[6], totals[7]);
    }

    /** Who counts 投案自首: the discipline body itself, the office and leading group of the body, the prompting team. */
    private static String surrenderClause(DataScope scope) {
        if (scope.has(Role.TARGET)) {
            return " (1 = 0)";
        }
        List<String> clauses = new java.util.ArrayList<>();
        if (scope.has(Role.DISCIPLINE) && scope.body() != null) {
            clauses.add("s.body_id = :ownBody");
        }
        if (scope.hasAny(Role.OFFICE, Role.LEADER) && !scope.readableBodyIds().isEmpty()) {
            clauses.add("s.body_id IN (:readable)");
        }
        if (scope.hasAny(Role.TEAM_LEADER, Role.TEAM_MEMBER) && !scope.inspectionIds().isEmpty()) {
            clauses.add("s.inspection_id IN (:inspections)");
        }
        return clauses.isEmpty() ? " (1 = 0)" : " (" + String.join(" OR ", clauses) + ")";
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DataScope scope,
                                                 Map<String, Object> params) {
        JdbcClient.StatementSpec s = ReferralScope.bind(spec, scope);
        for (Map.Entry<String, Object> e : params.entrySet()) {
            s = s.param(e.getKey(), e.getValue());
        }
        return s;
    }
}
