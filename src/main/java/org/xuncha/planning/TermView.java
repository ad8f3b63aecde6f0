package org.xuncha.planning;

import java.time.OffsetDateTime;

/**
 * A term (届) as the pages and the API show it. {@code planned} counts the plan's live entries
 * (removed ones excluded); {@code submittedAt} is set while a draft waits for the LEADER's approval.
 */
record TermView(long id, long bodyId, String bodyName, String name, int firstYear, int lastYear,
                PlanStatus planStatus, OffsetDateTime approvedAt, String approvedBy, OffsetDateTime createdAt,
                int version, long planned, OffsetDateTime submittedAt, String submittedBy) {

    /** A draft the office has submitted (报送) to the leading group and not changed since. */
    public boolean submitted() {
        return planStatus == PlanStatus.DRAFT && submittedAt != null;
    }

    /**
     * The term as pages name it: its name with its years, unless the name already gives them (the demo's and many
     * offices' names read "江北区委第十二届（2021—2025年）"), so the years are never said twice.
     */
    public String title() {
        if (name != null && name.contains(String.valueOf(firstYear)) && name.contains(String.valueOf(lastYear))) {
            return name;
        }
        return name + "（" + years() + "）";
    }

    public String years() {
        return firstYear + "–" + lastYear;
    }

    public boolean contains(int year) {
        return year >= firstYear && year <= lastYear;
    }
}
