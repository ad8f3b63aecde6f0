package org.xuncha.rectification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.InspectionId;

/**
 * What rectification says about closing an inspection (报结, issue 15 §6), for supervision's closure conditions.
 * The answers are about every delivered feedback of the inspection, whoever asks: the stage machine has already
 * decided that the caller may close it, and a condition counted in the caller's scope could pass by not seeing an
 * item. Messages name the organization and counts, never an item's text or a person.
 */
@Service
public class ClosureReadiness {

    private final JdbcClient jdbc;

    ClosureReadiness(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether rectification holds a delivered feedback of the inspection (the conditions below have a subject). */
    @Transactional(readOnly = true)
    public boolean fedBack(InspectionId inspection) {
        return jdbc.sql("SELECT count(*) FROM rectification_feedback WHERE inspection_id = :i AND status = 'DELIVERED'")
                .param("i", inspection.value()).query(Long.class).single() > 0;
    }

    /**
     * Per organization: the ledger is closed when its feedback has an approved plan and every item is 已销号, 不能整改
     * (approved), or 持续整改 with its responsible body and next check date.
     */
    @Transactional(readOnly = true)
    public List<String> unsettledLedger(InspectionId inspection) {
        List<String> unmet = new ArrayList<>();
        jdbc.sql("""
                SELECT o.name FROM rectification_feedback f
                JOIN party_organization_view o ON o.id = f.organization_id
                WHERE f.inspection_id = :i AND f.status = 'DELIVERED'
                  AND NOT EXISTS (SELECT 1 FROM rectification_plan p WHERE p.feedback_id = f.id AND p.status = 'APPROVED')
                ORDER BY o.name
                """).param("i", inspection.value()).query(String.class).list()
                .forEach(name -> unmet.add(name + "的整改方案尚未审核通过"));
        Map<String, Long> open = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT o.name, count(*) FROM rectification_item i
                JOIN rectification_plan p ON p.id = i.plan_id AND p.status = 'APPROVED'
                JOIN party_organization_view o ON o.id = i.organization_id
                WHERE i.inspection_id = :i
                  AND NOT (i.status = 'SIGNED_OFF' OR i.status = 'CANNOT_RECTIFY'
                           OR (i.status = 'LONG_TERM' AND i.long_term_owner IS NOT NULL AND i.next_check_on IS NOT NULL))
                GROUP BY o.name ORDER BY o.name
                """).param("i", inspection.value()).query(rs -> {
                    open.put(rs.getString(1), rs.getLong(2));
                });
        open.forEach((name, n) -> unmet.add(name + "尚有" + n
                + "项整改事项未销号，也未按规定转为持续整改（明确责任单位和下次检查日期）或经批准不能整改"));
        return unmet;
    }

    /** Per organization: both reports (整改情况报告, 主要负责人组织落实情况报告) received by the office. */
    @Transactional(readOnly = true)
    public List<String> missingReports(InspectionId inspection) {
        List<String> unmet = new ArrayList<>();
        jdbc.sql("""
                SELECT o.name,
                       (SELECT count(*) FROM rectification_report r WHERE r.feedback_id = f.id AND r.kind = 'SITUATION'
                          AND r.status = 'RECEIVED'),
                       (SELECT count(*) FROM rectification_report r WHERE r.feedback_id = f.id AND r.kind = 'LEADER'
                          AND r.status = 'RECEIVED')
                FROM rectification_feedback f JOIN party_organization_view o ON o.id = f.organization_id
                WHERE f.inspection_id = :i AND f.status = 'DELIVERED' ORDER BY o.name
                """).param("i", inspection.value()).query(rs -> {
                    if (rs.getLong(2) == 0) {
                        unmet.add(rs.getString(1) + "的整改情况报告尚未报送并经巡察办接收");
                    }
                    if (rs.getLong(3) == 0) {
                        unmet.add(rs.getString(1) + "的主要负责人组织落实情况报告尚未报送并经巡察办接收");
                    }
                });
        return unmet;
    }
}
