package org.xuncha.findings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.OrganizationId;
import org.xuncha.findings.internal.FindingsScope;

/**
 * The standing findings of an inspection, read-only and in the caller's scope ({@link FindingsScope}: the office and
 * leading group of the inspection's body, the inspection's own team; everybody else nothing), for rectification's
 * relapse link (a 回头看 finding linked to a signed-off item, issue 14 §6) and later modules. Whether or not a report
 * was approved: a 回头看 team links while it is stationed. Withdrawn findings are left out.
 */
@Service
public class RecordedFindings {

    private final JdbcClient jdbc;
    private final Clock clock;

    RecordedFindings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static final String SELECT = """
            SELECT f.id, f.inspection_id, f.organization_id, f.title, f.created_at
              FROM finding f JOIN inspection_scope_view v ON v.id = f.inspection_id
             WHERE f.status = 'RECORDED' AND""";

    /** The standing findings of the inspection the caller reads, oldest first (empty outside the scope). */
    @Transactional(readOnly = true)
    public List<RecordedFinding> of(DataScope scope, InspectionId inspection) {
        return FindingsScope.bind(jdbc.sql(SELECT + FindingsScope.readable(scope, "v", "f.inspection_id")
                        + " AND f.inspection_id = :i ORDER BY f.id"), scope)
                .param("i", inspection.value()).query((rs, n) -> row(rs)).list();
    }

    /** The standing finding, if the caller reads it. */
    @Transactional(readOnly = true)
    public Optional<RecordedFinding> find(DataScope scope, FindingId id) {
        return FindingsScope.bind(jdbc.sql(SELECT + FindingsScope.readable(scope, "v", "f.inspection_id")
                        + " AND f.id = :id"), scope)
                .param("id", id.value()).query((rs, n) -> row(rs)).optional();
    }

    private RecordedFinding row(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime at = rs.getObject(5, OffsetDateTime.class);
        LocalDate on = at.atZoneSameInstant(clock.getZone()).toLocalDate();
        return new RecordedFinding(FindingId.of(rs.getLong(1)), InspectionId.of(rs.getLong(2)),
                OrganizationId.of(rs.getLong(3)), rs.getString(4), on);
    }
}
