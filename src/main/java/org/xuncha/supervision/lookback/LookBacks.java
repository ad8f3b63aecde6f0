package org.xuncha.supervision.lookback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.Role;
import org.xuncha.findings.FindingId;
import org.xuncha.findings.RecordedFinding;
import org.xuncha.findings.RecordedFindings;
import org.xuncha.inspection.InspectionFilter;
import org.xuncha.inspection.InspectionMode;
import org.xuncha.inspection.InspectionStage;
import org.xuncha.inspection.InspectionTarget;
import org.xuncha.inspection.InspectionView;
import org.xuncha.inspection.Inspections;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.rectification.RectificationItemId;
import org.xuncha.rectification.RelapseReports;
import org.xuncha.rectification.RevisitOutcomes;

/**
 * 回头看 (issue 15 §3): for a LOOK_BACK inspection, the original inspection's fed-back problems and their ledger
 * items (rectification's {@link RevisitOutcomes#ledger}, scoped by the ledger's rule) beside the 回头看's own standing
 * findings (findings' {@link RecordedFindings}); linking a finding to an original item is rectification's
 * {@link RelapseReports#reportRelapse} (the 反弹 red card, once, with its own rules of who may link). And the
 * coverage of 回头看 over fed-back organizations per body ({@link #DEFINITION}).
 */
@Service
class LookBacks {

    static final String DEFINITION = "回头看覆盖率 = 已开展“回头看”（回头看巡察已进驻或更后阶段）的已反馈单位数 ÷ 已反馈单位数，"
            + "按巡察机构分别计算；已反馈单位指巡察已到反馈阶段的被巡察单位（不含延伸单位）";

    private final Inspections inspections;
    private final RecordedFindings findings;
    private final RevisitOutcomes ledger;
    private final RelapseReports relapses;
    private final JdbcClient jdbc;

    LookBacks(Inspections inspections, RecordedFindings findings, RevisitOutcomes ledger, RelapseReports relapses,
              JdbcClient jdbc) {
        this.inspections = inspections;
        this.findings = findings;
        this.ledger = ledger;
        this.relapses = relapses;
        this.jdbc = jdbc;
    }

    record Page(InspectionView lookBack, InspectionView original, List<RevisitOutcomes.LedgerLine> items,
                List<RecordedFinding> findings) {
    }

    /** The LOOK_BACK inspections the caller reads (newest first, at most one page of the inspection list). */
    @Transactional(readOnly = true)
    List<InspectionView> lookBacks(DataScope scope) {
        return inspections.list(scope, new InspectionFilter(null, null, InspectionMode.LOOK_BACK, null, null), 0,
                ResultPage.MAX_SIZE).items();
    }

    @Transactional(readOnly = true)
    Page page(DataScope scope, long lookBack) {
        InspectionView l = inspections.find(scope, InspectionId.of(lookBack))
                .filter(v -> v.mode() == InspectionMode.LOOK_BACK && v.lookBackOf() != null)
                .orElseThrow(() -> new NotFoundInScope("look-back inspection " + lookBack));
        InspectionView original = inspections.find(scope, InspectionId.of(l.lookBackOf())).orElse(null);
        List<RevisitOutcomes.LedgerLine> items = ledger.ledger(scope, InspectionId.of(l.lookBackOf()), null);
        return new Page(l, original, items, findings.of(scope, InspectionId.of(lookBack)));
    }

    /** Links the 回头看 finding to the original item: the relapse red card's id (the existing one when linked). */
    @Transactional
    long link(DataScope scope, long lookBack, long finding, long item) {
        page(scope, lookBack);
        return relapses.reportRelapse(scope, RectificationItemId.of(item), FindingId.of(finding));
    }

    /** One body's coverage; {@code rate} in per cent with one decimal, null when nothing was fed back. */
    record Coverage(long bodyId, String bodyName, long fedBack, long covered, BigDecimal rate) {
    }

    /** The coverage per readable body, for the office, leaders, discipline and organization department. */
    @Transactional(readOnly = true)
    List<Coverage> coverage(DataScope scope) {
        if (scope.has(Role.TARGET) || !scope.hasAny(Role.OFFICE, Role.LEADER, Role.DISCIPLINE, Role.ORG_DEPT)) {
            return List.of();
        }
        record Pair(long body, long organization) {
        }
        Set<Pair> fedBack = new HashSet<>(jdbc.sql("""
                SELECT DISTINCT s.body_id, t.organization_id
                  FROM inspection_scope_view s JOIN inspection_target_view t ON t.inspection_id = s.id
                 WHERE s.feedback_on IS NOT NULL AND t.extended_from IS NULL AND s.body_id IN (:readable)
                """).param("readable", scope.readableBodyIds())
                .query((rs, n) -> new Pair(rs.getLong(1), rs.getLong(2))).list());
        Set<Pair> covered = new HashSet<>();
        InspectionFilter filter = new InspectionFilter(null, null, InspectionMode.LOOK_BACK, null, null);
        for (int page = 0; ; page++) {
            ResultPage<InspectionView> r = inspections.list(scope, filter, page, ResultPage.MAX_SIZE);
            for (InspectionView v : r.items()) {
                if (v.stage().reached(InspectionStage.STATIONED)) {
                    for (InspectionTarget t : inspections.targets(scope, InspectionId.of(v.id()))) {
                        Pair p = new Pair(v.bodyId(), t.organizationId());
                        if (t.extendedFromId() == null && fedBack.contains(p)) {
                            covered.add(p);
                        }
                    }
                }
            }
            if (r.items().size() < ResultPage.MAX_SIZE) {
                break;
            }
        }
        Map<Long, long[]> perBody = new HashMap<>();
        fedBack.forEach(p -> perBody.computeIfAbsent(p.body(), b -> new long[2])[0]++);
        covered.forEach(p -> perBody.get(p.body())[1]++);
        Map<Long, String> names = new HashMap<>();
        if (!perBody.isEmpty()) {
            jdbc.sql("SELECT id, name FROM inspection_body_view WHERE id IN (:ids)").param("ids", perBody.keySet())
                    .query(rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    });
        }
        List<Coverage> result = new ArrayList<>();
        perBody.forEach((body, n) -> result.add(new Coverage(body, names.get(body), n[0], n[1], n[0] == 0 ? null
                : BigDecimal.valueOf(n[1] * 1000).divide(BigDecimal.valueOf(n[0]), 0, RoundingMode.HALF_UP)
                        .movePointLeft(1))));
        result.sort(java.util.Comparator.comparing(Coverage::bodyId));
        return result;
    }
}
