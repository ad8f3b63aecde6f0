package org.xuncha.planning;

import org.xuncha.organization.Sector;

/**
 * Filters of the plan list: name or code contains {@code q}, sector, planned year, covered or not.
 * {@code covered} null means both.
 */
record PlanFilter(String q, Sector sector, Integer year, Boolean covered) {

    static PlanFilter none() {
        return new PlanFilter(null, null, null, null);
    }

    boolean hasQuery() {
        return q != null && !q.isBlank();
    }

    /** The LIKE pattern for {@code q}, with %, _ and the escape character escaped. */
    String likePattern() {
        return org.xuncha.platform.sql.LikePattern.contains(q.strip());
    }
}
