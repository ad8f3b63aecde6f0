package org.xuncha.planning;

import java.time.OffsetDateTime;

/** One row of a term plan's change history (term_plan_change). */
record PlanChangeView(OffsetDateTime occurredAt, String actor, PlanChangeKind kind, String organizationCode,
                      String organizationName, String detail, String reason) {
}
