/**
 * Regions, party organizations (the inspection targets) and inspection bodies (committee levels).
 * API: {@link org.xuncha.organization.InspectionBodies}, {@link org.xuncha.organization.OrganizationCatalog}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "组织机构",
        allowedDependencies = {"common", "platform", "audit"})
package org.xuncha.organization;
