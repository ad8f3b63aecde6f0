package org.xuncha.people;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a person or an import row gives to enrol or update an inspector. Values are raw (strings as typed);
 * {@link TalentPool} validates every field and reports each fault with its field name in Chinese.
 * Relatives and assignments name organizations by their code (组织代码), as a person or a sheet does; the employing
 * organization and the organization of a posting by code or by full name.
 *
 * @param code           talent-pool code such as P0001; blank on enrolment to draw the next free one
 * @param identityNumber the 18-character 身份证 number; on update, blank keeps the sealed one
 * @param employerOrganization 工作单位 in the organization tree, by code or full name; blank when not known
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
        List<AssignmentDraft> assignments,
        String employerOrganization) {

    /** A draft without an employing organization (工作单位 in the organization tree). */
    public InspectorDraft(String code, String name, Gender gender, String identityNumber, String employer, String post,
                          Rank rank, String residenceCode, String workplaceCode, String hometownCode, boolean canLead,
                          Set<Skill> skills, List<Posting> postings, List<Absence> absences,
                          List<RelativeDraft> relatives, List<AssignmentDraft> assignments) {
        this(code, name, gender, identityNumber, employer, post, rank, residenceCode, workplaceCode, hometownCode,
                canLead, skills, postings, absences, relatives, assignments, null);
    }

    public InspectorDraft {
        skills = skills == null ? Set.of() : Set.copyOf(skills);
        postings = postings == null ? List.of() : List.copyOf(postings);
        absences = absences == null ? List.of() : List.copyOf(absences);
        relatives = relatives == null ? List.of() : List.copyOf(relatives);
        assignments = assignments == null ? List.of() : List.copyOf(assignments);
    }

    /**
     * 任职经历: where the inspector held a post, with years (either may be unknown): a division (任职地), and the
     * organization (任职单位, by code or full name) when known. With an organization the division may be left
     * blank: it is the organization's.
     */
    public record Posting(String regionCode, String post, Integer fromYear, Integer toYear, String organization) {

        /** A posting to a division only. */
        public Posting(String regionCode, String post, Integer fromYear, Integer toYear) {
            this(regionCode, post, fromYear, toYear, null);
        }
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
