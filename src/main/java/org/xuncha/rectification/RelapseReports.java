package org.xuncha.rectification;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.findings.FindingId;
import org.xuncha.findings.RecordedFinding;
import org.xuncha.findings.RecordedFindings;
import org.xuncha.identity.AccountDirectory;
import org.xuncha.inspection.InspectionMode;
import org.xuncha.inspection.InspectionView;
import org.xuncha.inspection.Inspections;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.internal.RedCardStore;

/**
 * 回头看发现问题反弹 (issue 14 §6): a finding of a later 回头看 inspection linked to an item signed off after the earlier
 * inspection raises a RELAPSE red card on that item. Other modules may call {@link #reportRelapse} (issue 15 will,
 * from its 回头看 findings); rectification's own page does.
 *
 * <p>The rules: the finding is a standing finding the caller reads (findings' {@link RecordedFindings}: the office or
 * leading group of its body, its team); its inspection is a LOOK_BACK inspection whose {@code look_back_of} is the
 * item's inspection; it concerns the item's organization; the item is 已销号 (a problem not yet signed off has not
 * relapsed — it is still being rectified). Who links: the office of the item's body (its writable body) or a
 * member of the 回头看 inspection's team; anybody else is refused. A finding or item the caller may not read answers
 * {@link NotFoundInScope}; an item of another inspection or organization is refused with one Chinese message
 * whether it exists or not. Linking twice raises one card.
 */
@Service
public class RelapseReports {

    private final RecordedFindings findings;
    private final Inspections inspections;
    private final RedCardStore cards;
    private final AccountDirectory accounts;
    private final JdbcClient jdbc;

    RelapseReports(RecordedFindings findings, Inspections inspections, RedCardStore cards, AccountDirectory accounts,
                   JdbcClient jdbc) {
        this.findings = findings;
        this.inspections = inspections;
        this.cards = cards;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /** A signed-off item of the earlier inspection that the finding may be linked to. */
    public record Candidate(RectificationItemId item, int position, String wording, LocalDate signedOffOn,
                            boolean linked) {
    }

    /** The finding with the earlier inspection it looks back on, after the checks of who may link. */
    private record LookBack(RecordedFinding finding, InspectionView lookBack) {
    }

    private LookBack lookBack(DataScope scope, FindingId finding) {
        RecordedFinding f = findings.find(scope, finding)
                .orElseThrow(() -> new NotFoundInScope("finding " + finding));
        InspectionView l = inspections.find(scope, f.inspection())
                .orElseThrow(() -> new NotFoundInScope("inspection " + f.inspection()));
        if (l.mode() != InspectionMode.LOOK_BACK || l.lookBackOf() == null) {
            throw new UserInputException("该问题不是巡察“回头看”发现的问题，不能认定为问题反弹");
        }
        return new LookBack(f, l);
    }

    /** The signed-off items of the organization in the inspection the finding's 回头看 looks back on. */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(DataScope scope, FindingId finding) {
        LookBack lb = lookBack(scope, finding);
        return jdbc.sql("""
                SELECT i.id, i.position, fi.wording, i.signed_off_on,
                       (SELECT count(*) FROM rectification_red_card c WHERE c.item_id = i.id AND c.kind = 'RELAPSE'
                         AND c.match_key = :key)
                  FROM rectification_item i
                  JOIN rectification_plan p ON p.id = i.plan_id
                  JOIN rectification_feedback_item fi ON fi.id = i.feedback_item_id
                 WHERE p.status = 'APPROVED' AND i.status = 'SIGNED_OFF' AND i.inspection_id = :earlier
                   AND i.organization_id = :org
                 ORDER BY i.plan_id, i.position
                """).param("key", "finding:" + finding.value()).param("earlier", lb.lookBack().lookBackOf())
                .param("org", lb.finding().organization().value())
                .query((rs, n) -> new Candidate(RectificationItemId.of(rs.getLong(1)), rs.getInt(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getLong(5) > 0))
                .list();
    }

    /**
     * Links the 回头看 finding to the signed-off item and raises its RELAPSE card (once: the card's id, the existing
     * one's when linked before). Refusals in Chinese change nothing.
     */
    @Transactional
    public long reportRelapse(DataScope scope, RectificationItemId item, FindingId finding) {
        LookBack lb = lookBack(scope, finding);
        record Row(long body, ItemStatus status) {
        }
        Optional<Row> row = jdbc.sql("""
                SELECT i.body_id, i.status FROM rectification_item i JOIN rectification_plan p ON p.id = i.plan_id
                 WHERE i.id = :id AND p.status = 'APPROVED' AND i.inspection_id = :earlier AND i.organization_id = :org
                """).param("id", item.value()).param("earlier", lb.lookBack().lookBackOf())
                .param("org", lb.finding().organization().value())
                .query((rs, n) -> new Row(rs.getLong(1), ItemStatus.valueOf(rs.getString(2)))).optional();
        if (row.isEmpty()) {
            throw new UserInputException("只能关联本次“回头看”所查单位在被回头看的巡察中的整改事项");
        }
        boolean office = scope.has(Role.OFFICE) && !scope.has(Role.TARGET)
                && scope.writableBodyIds().contains(row.get().body());
        boolean team = scope.hasAny(Role.TEAM_LEADER, Role.TEAM_MEMBER)
                && scope.inspectionIds().contains(lb.lookBack().id());
        if (!office && !team) {
            throw new AccessDeniedException("问题反弹由本级巡察办或“回头看”巡察组认定");
        }
        if (row.get().status() != ItemStatus.SIGNED_OFF) {
            throw new UserInputException("只有已销号的整改事项才能认定问题反弹");
        }
        String name = accounts.displayNames(Set.of(scope.user())).get(scope.user());
        String key = "finding:" + finding.value();
        return cards.raise(new RedCardStore.NewCard(RedCardKind.RELAPSE, item.value(), key, null, null, null, null,
                        null, null, null, finding.value(), lb.finding().inspection().value(), scope.user().value(),
                        name == null || name.isBlank() ? "账号" + scope.user().value() : name))
                .orElseGet(() -> jdbc.sql("SELECT id FROM rectification_red_card WHERE kind = 'RELAPSE'"
                                + " AND item_id = :i AND match_key = :k").param("i", item.value()).param("k", key)
                        .query(Long.class).single());
    }
}
