package org.xuncha.findings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.InspectionId;

/**
 * Where an inspection's 巡察报告 stands, for the stage machine's later gates (FEEDBACK needs it approved, issue 13).
 * A system check, not a read of case data: it answers a yes/no about one inspection and gives no content.
 */
@Service
public class InspectionReports {

    private final JdbcClient jdbc;

    InspectionReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the report has passed 党委审定 (status APPROVED). */
    @Transactional(readOnly = true)
    public boolean isApproved(InspectionId inspection) {
        return jdbc.sql("SELECT count(*) FROM inspection_report WHERE inspection_id = :i AND status = 'APPROVED'")
                .param("i", inspection.value()).query(Long.class).single() > 0;
    }

    /** Whether the report has passed 组务会 and was sent on (submitted), whatever came after. */
    @Transactional(readOnly = true)
    public boolean isSubmitted(InspectionId inspection) {
        return jdbc.sql("SELECT count(*) FROM inspection_report WHERE inspection_id = :i"
                        + " AND status IN ('OFFICE_REVIEW', 'LEADING_GROUP', 'COMMITTEE', 'APPROVED')")
                .param("i", inspection.value()).query(Long.class).single() > 0;
    }
}
