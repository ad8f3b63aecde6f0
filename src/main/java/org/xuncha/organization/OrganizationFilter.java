package org.xuncha.organization;

/**
 * Search and filters of the organization list, as bound from request parameters. Blank means "any".
 *
 * @param q      part of a name or code
 * @param body   inspection body id (the county/city level that inspects it)
 * @param status ACTIVE, DEACTIVATED or blank for both
 */
record OrganizationFilter(String q, Sector sector, OrganizationKind kind, Long body, OrganizationStatus status) {

    static OrganizationFilter none() {
        return new OrganizationFilter(null, null, null, null, null);
    }

    boolean isEmpty() {
        return (q == null || q.isBlank()) && sector == null && kind == null && body == null && status == null;
    }

    /** The search text as a LIKE pattern with % and _ escaped (backslash is the escape character). */
    String likePattern() {
        return org.xuncha.platform.sql.LikePattern.contains(q.strip());
    }
}
