/**
 * Regions, party organizations (the inspection targets) and inspection bodies (committee levels).
 * API: {@link org.xuncha.organization.InspectionBodies}, {@link org.xuncha.organization.OrganizationCatalog}.
 *
 * <p>Read views (V8_12) other modules may join in their scoped, paged SQL, and only read; every other table of this
 * module is private to it:
 * <ul>
 *   <li>{@code party_organization_view}: id, code, name, kind, sector, region_code, parent_id, body_id, active
 *       (never the leading cadre);</li>
 *   <li>{@code inspection_body_view}: id, name, office_name, region_code, level, parent_id.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "组织机构",
        allowedDependencies = {"common", "platform", "audit"})
package org.xuncha.organization;
