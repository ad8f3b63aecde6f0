package org.xuncha.rectification.plan;

import org.xuncha.rectification.PlanStatus;

/**
 * The list's filter: one plan status, or {@code unopened} for delivered feedback whose plan was not begun; null
 * status and false = all.
 */
public record PlanFilter(PlanStatus status, boolean unopened) {

    static PlanFilter none() {
        return new PlanFilter(null, false);
    }
}
