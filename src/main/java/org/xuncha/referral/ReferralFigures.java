package org.xuncha.referral;

import java.time.LocalDate;
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
 * period). The full §5 figures (办结率, 线索成案率 …) are built on these elsewhere.
 */
@Service
public class ReferralFigures {

    /** An event counts unless another corrects it; a retraction counts as nothing. */
    private static final String CURRENT = " o.kind <> 'RETRACTED' AND NOT EXISTS (SELECT 1 FROM referral_outcome c"
            + " WHERE c.corrects_id = o.id)";

    private final JdbcClient jdbc;

    ReferralFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public OutcomeCounts countsOf(DataScope scope, InspectionId inspection) {
        String items = " t.inspection_id = :set";
        String surrenders = " s.inspection_id = :set";
        return counts(scope, items, surrenders, inspection.value(), null, null);
    }

    @Transactional(readOnly = true)
    public OutcomeCounts countsOf(DataScope scope, BodyId body, LocalDate from, LocalDate to) {
        String items = " t.body_id = :set AND o.occurred_on >= :from AND o.occurred_on <= :to";
        String surrenders = " s.body_id = :set AND s.surrendered_on >= :from AND s.surrendered_on <= :to";
        return counts(scope, items, surrenders, body.value(), from, to);
    }

    private OutcomeCounts counts(DataScope scope, String itemSet, String surrenderSet, long set, LocalDate from,
                                 LocalDate to) {
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
                scope, set, from, to)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)}).single();
        Map<PartySanction, Long> party = new EnumMap<>(PartySanction.class);
        Map<GovernmentSanction, Long> government = new EnumMap<>(GovernmentSanction.class);
        Map<OrganizationalHandling, Long> organizational = new EnumMap<>(OrganizationalHandling.class);
        Map<FirstFormMeasure, Long> firstForm = new EnumMap<>(FirstFormMeasure.class);
        bind(jdbc.sql("SELECT o.kind, o.code, COUNT(DISTINCT o.person_id)" + from_ + " AND o.kind IN"
                + " ('PARTY_SANCTION', 'GOVERNMENT_SANCTION', 'ORGANIZATIONAL_HANDLING', 'FIRST_FORM_MEASURE')"
                + " AND o.person_id IS NOT NULL GROUP BY o.kind, o.code"), scope, set, from, to)
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
                + " GROUP BY x.f"), scope, set, from, to)
                .query(rs -> {
                    byForm.put(forms.get(rs.getInt(1)), rs.getLong(2));
                });
        long surrenders = surrenderClause(scope).equals(" (1 = 0)") ? 0 : bind(jdbc.sql(
                "SELECT count(*) FROM referral_surrender s WHERE" + surrenderSet + " AND" + surrenderClause(scope)),
                scope, set, from, to).query(Long.class).single();
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

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DataScope scope, long set,
                                                 LocalDate from, LocalDate to) {
        JdbcClient.StatementSpec s = ReferralScope.bind(spec, scope).param("set", set);
        return from == null ? s : s.param("from", from).param("to", to);
    }
}
