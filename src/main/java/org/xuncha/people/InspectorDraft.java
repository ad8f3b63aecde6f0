package org.xuncha.people;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a person or an import row gives to enrol or update an inspector. Values are raw (strings as typed);
 * {@link TalentPool} validates every field and reports each fault with its field name in Chinese.
 * Relatives and assignments name organizations by their code (组织代码), as a person or a sheet does.
 *
 * @param code           talent-pool code such as P0001; blank on enrolment to draw the next free one
 * @param identityNumber the 18-character 身份证 number; on update, blank keeps the sealed one
 */
public record InspectorDraft(
        String code,
        String name,
        Gender gender,
        String identityNumber,
        String employer,
        String post,
        Rank rank,
        String residenceCode,
        String workplaceCode,
        String hometownCode,
        boolean canLead,
        Set<Skill> skills,
        List<Posting> postings,
        List<Absence> absences,
        List<RelativeDraft> relatives,
        List<AssignmentDraft> assignments) {

    public InspectorDraft {
        skills = skills == null ? Set.of() : Set.copyOf(skills);
        postings = postings == null ? List.of() : List.copyOf(postings);
        absences = absences == null ? List.of() : List.copyOf(absences);
        relatives = relatives == null ? List.of() : List.copyOf(relatives);
        assignments = assignments == null ? List.of() : List.copyOf(assignments);
    }

    /** 任职地: a division where the inspector held a post, with years (either may be unknown). */
    public record Posting(String regionCode, String post, Integer fromYear, Integer toYear) {
    }

    /** A period when the inspector cannot be drawn, both days included. */
    public record Absence(LocalDate startsOn, LocalDate endsOn, String reason) {

        public boolean overlaps(LocalDate from, LocalDate to) {
            return !startsOn.isAfter(to) && !endsOn.isBefore(from);
        }
    }

    /** A declared relative working in the organization with this code. */
    public record RelativeDraft(String organizationCode, Relation relation) {
    }

    /** An earlier assignment to inspect the organization with this code. */
    public record AssignmentDraft(String organizationCode, Integer assignedYear, TeamRole teamRole) {
    }
}
