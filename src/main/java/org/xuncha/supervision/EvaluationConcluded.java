package org.xuncha.supervision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.xuncha.common.BodyId;
import org.xuncha.common.InspectionId;
import org.xuncha.common.OrganizationId;

/**
 * An organization's 整改质效评估 result was confirmed by the office (published after commit through the event
 * publication registry). Listeners — 约谈 (TALK_WITH_PRINCIPAL), 回头看 (LOOK_BACK), 二次整改 (RE_RECTIFICATION),
 * 通报 (PRAISE), the 党风廉政 assessment (INTEGRITY_VETO) — act on the action of their consequence and should be
 * idempotent: one result is confirmed once, but a replayed publication delivers it again.
 *
 * @param total   the sum of the indicator scores (two decimals)
 * @param vetoed  whether a 一票否决 gave the lowest grade regardless of the total
 * @param actions one per consequence of the grade, with the id of its action row (待办 until marked done)
 */
public record EvaluationConcluded(EvaluationId evaluation, BodyId body, InspectionId inspection,
                                  OrganizationId organization, String grade, BigDecimal total, boolean vetoed,
                                  List<Action> actions, Instant concludedAt) {

    public EvaluationConcluded {
        actions = List.copyOf(actions);
    }

    /** One consequence to act on: the action's id and what it is. */
    public record Action(long id, EvaluationConsequence consequence) {
    }

    public List<EvaluationConsequence> consequences() {
        return actions.stream().map(Action::consequence).toList();
    }
}
