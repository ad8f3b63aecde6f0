package org.xuncha.people;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.xuncha.common.BodyId;
import org.xuncha.common.InspectorId;
import org.xuncha.common.OrganizationId;
import org.xuncha.people.InspectorDraft.Absence;

/**
 * One inspector as a page or the API shows it. The identity number appears only masked (first six and the
 * last character); the full number comes from {@link TalentPool#unsealIdentityNumber}, audited.
 */
record InspectorDetails(
        InspectorId id,
        String code,
        String name,
        Gender gender,
        String maskedIdentityNumber,
        BodyId body,
        String employer,
        Organization employerOrganization,
        String post,
        Rank rank,
        String residenceCode,
        String workplaceCode,
        String hometownCode,
        boolean canLead,
        boolean active,
        String inactiveReason,
        Set<Skill> skills,
        List<Posting> postings,
        List<Absence> absences,
        List<Relative> relatives,
        List<Assignment> assignments,
        int version) {

    public boolean isAvailable(LocalDate from, LocalDate to) {
        return absences.stream().noneMatch(a -> a.overlaps(from, to));
    }

    /** An organization of the tree as the page shows it: its name, with the code beside. */
    public record Organization(OrganizationId id, String code, String name) {
    }

    /** 任职经历: the division and its name, the organization when recorded, the post and the years. */
    public record Posting(String regionCode, String regionName, Organization organization, String post,
                          Integer fromYear, Integer toYear) {
    }

    /** A declared relative: the organization and the relation, never the relative's name. */
    public record Relative(OrganizationId organization, String organizationCode, String organizationName,
                           Relation relation) {
    }

    public record Assignment(OrganizationId organization, String organizationCode, String organizationName,
                             int assignedYear, TeamRole teamRole) {
    }
}
