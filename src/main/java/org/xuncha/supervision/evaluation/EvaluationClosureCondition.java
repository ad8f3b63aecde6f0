package org.xuncha.supervision.evaluation;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xuncha.common.InspectionId;
import org.xuncha.supervision.ClosureCondition;
import org.xuncha.supervision.ClosureConditionKind;

/**
 * 报结's evaluation condition (issue 15 §6): the inspection has an 整改质效评估 and every organization's sheet in it
 * is 已确定. An office that requires it cannot close an inspection nobody has evaluated, nor one whose grades are
 * still being scored or await the office's confirmation.
 */
@Component
class EvaluationClosureCondition implements ClosureCondition {

    private final JdbcClient jdbc;

    EvaluationClosureCondition(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ClosureConditionKind kind() {
        return ClosureConditionKind.EVALUATION;
    }

    @Override
    public List<String> unmet(InspectionId inspection) {
        var tally = jdbc.sql("""
                SELECT count(*) AS sheets,
                       coalesce(sum(CASE WHEN status = 'CONFIRMED' THEN 1 ELSE 0 END), 0) AS confirmed,
                       coalesce(sum(CASE WHEN status = 'SUBMITTED' THEN 1 ELSE 0 END), 0) AS submitted
                  FROM supervision_evaluation_sheet WHERE inspection_id = :i
                """).param("i", inspection.value()).query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2),
                rs.getLong(3)}).single();
        List<String> unmet = new ArrayList<>();
        if (tally[0] == 0) {
            unmet.add("尚未开展整改质效评估");
        } else if (tally[1] < tally[0]) {
            long scoring = tally[0] - tally[1] - tally[2];
            unmet.add("整改质效评估尚有" + (tally[0] - tally[1]) + "个单位未确定等级（评分中" + scoring + "个，待确定"
                    + tally[2] + "个）");
        }
        return unmet;
    }
}
