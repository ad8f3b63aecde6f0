package org.xuncha.findings;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.findings.internal.FindingsScope;
import org.xuncha.platform.web.NotFoundInScope;

/**
 * The counts of an inspection's findings for the report and the report card, in the caller's scope: the team, the
 * office and the leading group of the body; for anybody else (TARGET, COLLABORATOR, DISCIPLINE, ORG_DEPT, another
 * team or county) the inspection is {@link NotFoundInScope} and no figure is given.
 */
@Service
public class FindingFigures {

    private final JdbcClient jdbc;

    FindingFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public FindingCounts countsOf(DataScope scope, InspectionId inspection) {
        long id = inspection.value();
        boolean readable = FindingsScope.bind(jdbc.sql("SELECT count(*) FROM inspection_scope_view v WHERE v.id = :i"
                + " AND" + FindingsScope.readable(scope, "v", "v.id")), scope).param("i", id)
                .query(Long.class).single() > 0;
        if (!readable) {
            throw new NotFoundInScope("inspection " + id);
        }
        String from = " FROM finding f JOIN inspection_scope_view v ON v.id = f.inspection_id"
                + " WHERE f.inspection_id = :i AND f.status = 'RECORDED' AND"
                + FindingsScope.readable(scope, "v", "f.inspection_id");
        List<Long> totals = FindingsScope.bind(jdbc.sql("SELECT count(*), "
                + "COALESCE(SUM(CASE WHEN f.key_problem THEN 1 ELSE 0 END), 0), "
                + "COALESCE(SUM(CASE WHEN f.rectified THEN 1 ELSE 0 END), 0)" + from), scope).param("i", id)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
        List<FindingCounts.HeadingCount> byHeading = FindingsScope.bind(jdbc.sql(
                "SELECT h.id, h.scheme, h.label, h.ordinal, count(*)" + from.replace(" WHERE",
                        " JOIN finding_heading_item h ON h.id = f.level1_id WHERE")
                        + " GROUP BY h.id, h.scheme, h.label, h.ordinal ORDER BY h.scheme, h.ordinal, h.id"), scope)
                .param("i", id).query((rs, n) -> new FindingCounts.HeadingCount(rs.getLong(1),
                        HeadingScheme.valueOf(rs.getString(2)), rs.getString(3), rs.getLong(5))).list();
        Map<DisciplineTag, Long> byDiscipline = new EnumMap<>(DisciplineTag.class);
        FindingsScope.bind(jdbc.sql("SELECT f.discipline, count(*)" + from
                + " AND f.discipline IS NOT NULL GROUP BY f.discipline"), scope).param("i", id)
                .query(rs -> {
                    byDiscipline.put(DisciplineTag.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return new FindingCounts(totals.get(0), byHeading, byDiscipline, totals.get(1), totals.get(2));
    }
}
