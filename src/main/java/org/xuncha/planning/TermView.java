package org.xuncha.planning;

import java.time.OffsetDateTime;

/**
 * A term (届) as the pages and the API show it. {@code planned} counts the plan's live entries
 * (removed ones excluded).
 */
record TermView(long id, long bodyId, String bodyName, String name, int firstYear, int lastYear,
                PlanStatus planStatus, OffsetDateTime approvedAt, String approvedBy, OffsetDateTime createdAt,
                int version, long planned) {

    public String years() {
        return firstYear + "–" + lastYear;
    }

    public boolean contains(int year) {
        return year >= firstYear && year <= lastYear;
    }
}
