package org.xuncha.rectification.plan;

import org.xuncha.rectification.PlanStatus;

/**
 * The list's filter: one plan status, or {@code unopened} for delivered feedback whose plan was not begun; null
 * status and false = all.
 */
public record PlanListFilter(PlanStatus status, boolean unopened) {

    static PlanListFilter none() {
        return new PlanListFilter(null, false);
    }
}
