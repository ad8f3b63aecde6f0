package org.xuncha.organization;

/** An organization as pages, exports and the API show it (the entity stays internal to changes). */
record OrganizationView(long id, String code, String name, OrganizationKind kind, Sector sector, String regionCode,
                        String regionName, Long parentId, String parentCode, String parentName, long bodyId,
                        String bodyName, String leadingCadre, OrganizationStatus status, String statusReason,
                        int version, int childCount) {

    public boolean active() {
        return status == OrganizationStatus.ACTIVE;
    }
}
