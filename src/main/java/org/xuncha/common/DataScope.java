package org.xuncha.common;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the caller may see and change (docs/security.md, "Data scope"). Built once per request by the identity
 * module from the signed-in account; every repository method that returns case data takes it and filters
 * in its query. A scope that sees nothing is the default: fields are only ever widened by identity.
 *
 * @param user            the account, for audit and for "own" checks
 * @param roles           the account's roles
 * @param body            the inspection body (committee level) the account belongs to, or null
 * @param readableBodies  bodies whose organizations, people and inspections the caller may read
 * @param writableBodies  bodies whose data the caller may change (a subset of readable)
 * @param organization    for TARGET accounts: the only organization visible; otherwise null
 * @param inspections     inspections the caller is a member of (team roles); empty for others
 * @param department      for COLLABORATOR accounts: the department (e.g. 清江市审计局) whose information requests
 *                        the caller answers; otherwise null
 */
public record DataScope(
        UserId user,
        Set<Role> roles,
        BodyId body,
        Set<BodyId> readableBodies,
        Set<BodyId> writableBodies,
        OrganizationId organization,
        Set<InspectionId> inspections,
        String department) {

    public DataScope {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        readableBodies = Set.copyOf(readableBodies);
        writableBodies = Set.copyOf(writableBodies);
        inspections = Set.copyOf(inspections);
        if (!readableBodies.containsAll(writableBodies)) {
            throw new IllegalArgumentException("writable bodies must be readable");
        }
    }

    /** A scope that reads and writes nothing; used for 三员 and the public side. */
    public static DataScope nothing(UserId user, Set<Role> roles) {
        return new DataScope(user, roles, null, Set.of(), Set.of(), null, Set.of(), null);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        for (Role r : any) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    public boolean canRead(BodyId candidate) {
        return candidate != null && readableBodies.contains(candidate);
    }

    public boolean canWrite(BodyId candidate) {
        return candidate != null && writableBodies.contains(candidate);
    }

    /** Whether the caller is on the team of the inspection (team roles only). */
    public boolean onTeamOf(InspectionId inspection) {
        return inspection != null && inspections.contains(inspection);
    }

    /** Team inspection ids as plain longs, for SQL {@code IN (:inspections)}; never empty. */
    public Set<Long> inspectionIds() {
        if (inspections.isEmpty()) {
            return Set.of(-1L);
        }
        return Set.copyOf(inspections.stream().map(InspectionId::value).toList());
    }

    public Optional<OrganizationId> boundOrganization() {
        return Optional.ofNullable(organization);
    }

    /** Readable body ids as plain longs, for SQL {@code IN (:bodies)}; never empty so the SQL stays valid. */
    public Set<Long> readableBodyIds() {
        return ids(readableBodies);
    }

    public Set<Long> writableBodyIds() {
        return ids(writableBodies);
    }

    private static Set<Long> ids(Set<BodyId> bodies) {
        if (bodies.isEmpty()) {
            return Set.of(-1L);
        }
        return Set.copyOf(bodies.stream().map(BodyId::value).toList());
    }
}
