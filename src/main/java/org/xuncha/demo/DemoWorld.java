package org.xuncha.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.xuncha.common.RegionLevel;
import org.xuncha.common.Role;
import org.xuncha.organization.OrganizationKind;
import org.xuncha.organization.Sector;
import org.xuncha.people.Rank;
import org.xuncha.people.TeamRole;
import org.xuncha.inforequest.InfoRequestStatus;
import org.xuncha.inspection.InspectionForm;
import org.xuncha.inspection.InspectionMode;
import org.xuncha.inspection.InspectionStage;
import org.xuncha.people.Skill;

/**
 * Everything one generation writes, built in memory from a seed before anything touches the database.
 * Rows refer to each other by their natural keys (division codes, organization and inspector codes);
 * the writer turns those into database ids. Lists are in insertion order: parents before children.
 */
record DemoWorld(
        Scale scale,
        long seed,
        List<RegionRow> regions,
        List<BodyRow> bodies,
        List<OrganizationRow> organizations,
        List<InspectorRow> inspectors,
        List<AccountRow> accounts,
        Planning planning) {

    /** The world as of {@link WorldBuilder#REFERENCE_DATE}; tests use it where the date does not matter. */
    static DemoWorld generate(Scale scale, long seed) {
        return generate(scale, seed, WorldBuilder.REFERENCE_DATE);
    }

    /**
     * The world as of {@code today}: the organizations and inspectors depend on the seed only, the planning rows
     * (which rounds are finished, which inspection is at which stage) on the seed and {@code today}.
     */
    static DemoWorld generate(Scale scale, long seed, LocalDate today) {
        return new WorldBuilder(scale, seed, today).build();
    }

    long count(RegionLevel level) {
        return regions.stream().filter(r -> r.level() == level).count();
    }

    record RegionRow(String code, String name, RegionLevel level, String parentCode) {
    }

    record BodyRow(String regionCode, String name, RegionLevel level, String parentRegionCode,
                   int standingTeams, int quota, int staffed) {
    }

    record OrganizationRow(String code, String name, OrganizationKind kind, Sector sector, String regionCode,
                           String parentCode, String bodyRegionCode, String leadingCadre) {
    }

    record InspectorRow(String code, String name, String gender, String idNumber, String bodyRegionCode,
                        String employer, String post, Rank rank, String residenceCode, String workplaceCode,
                        String hometownCode, boolean canLead, boolean active, List<Posting> postings,
                        List<Skill> skills, List<Absence> absences, List<Relative> relatives,
                        List<Assignment> assignments, String employerOrganizationCode) {
    }

    /** A posting to a division and, where the demo knows it, an organization (the one avoidance reads). */
    record Posting(String regionCode, String post, Integer fromYear, Integer toYear, String organizationCode) {

        Posting(String regionCode, String post, Integer fromYear, Integer toYear) {
            this(regionCode, post, fromYear, toYear, null);
        }
    }

    record Absence(LocalDate startsOn, LocalDate endsOn, String reason) {
    }

    /** A declared relative working in an organization: the relation only, never a name. */
    record Relative(String organizationCode, String relation) {
    }

    /** An earlier inspection the inspector took part in; teamRole is LEADER, DEPUTY, LIAISON or MEMBER. */
    record Assignment(String organizationCode, int year, String teamRole) {
    }

    /**
     * 届期规划与巡察 as of {@code today}: terms with their approved plans, rounds, inspections with targets, teams,
     * stage history and announcements, and information requests. Rows refer to each other by natural keys: a
     * term by {@code bodyRegionCode/firstYear}, a round by term key and ordinal, an inspection by its key.
     */
    record Planning(LocalDate today, List<TermRow> terms, List<RoundRow> rounds, List<InspectionRow> inspections,
                    List<InfoRequestRow> requests) {

        static Planning none(LocalDate today) {
            return new Planning(today, List.of(), List.of(), List.of(), List.of());
        }
    }

    record TermRow(String key, String bodyRegionCode, String name, int firstYear, int lastYear, LocalDate createdOn,
                   LocalDate approvedOn, String approvedBy, String approvalReason, List<PlanEntryRow> entries) {
    }

    record PlanEntryRow(String organizationCode, int plannedYear, int plannedRound) {
    }

    record RoundRow(String termKey, String bodyRegionCode, int ordinal, String name, LocalDate plannedStationOn,
                    LocalDate plannedWithdrawOn, LocalDate plannedFeedbackOn, LocalDate actualStationOn,
                    LocalDate actualWithdrawOn, LocalDate actualFeedbackOn, LocalDate createdOn) {
    }

    /** One inspection; {@code actor} is the office account that moved its stages. */
    record InspectionRow(String key, String bodyRegionCode, String termKey, int roundOrdinal, String teamName,
                         InspectionMode mode, String specialTopic, String lookBackOf, Set<InspectionForm> forms,
                         String linkedWith, String teamCountyCode, InspectionStage stage, LocalDate stationedOn,
                         LocalDate withdrawnOn, LocalDate feedbackOn, LocalDate closedOn, LocalDate createdOn,
                         String actor, List<TargetRow> targets, List<MemberRow> members,
                         List<StageChangeRow> changes, AnnouncementRow announcement) {

        boolean has(InspectionForm form) {
            return forms.contains(form);
        }
    }

    /** A target; {@code extendedFrom} names the main target of a 延伸 unit (a village of a township). */
    record TargetRow(String organizationCode, String extendedFrom) {
    }

    /** A team member; {@code username} links the demo account that plays this member, if any. */
    record MemberRow(String inspectorCode, TeamRole role, String username, LocalDate joinedOn) {
    }

    record StageChangeRow(InspectionStage from, InspectionStage to, LocalDate effectiveOn) {
    }

    record AnnouncementRow(String phone, String mailbox, String accepts, LocalDate periodFrom, LocalDate periodTo,
                           LocalDate cutOffOn, String channelCode, boolean channelOpen) {
    }

    record InfoRequestRow(String inspectionKey, String organizationCode, String department, String question,
                          LocalDate sentOn, LocalDate dueOn, InfoRequestStatus status, String sentBy, String answer,
                          LocalDate answeredOn, String answeredBy) {
    }

    /** A demo sign-in; organizationCode is set for the TARGET account only. */
    record AccountRow(String username, String displayName, Role role, String bodyRegionCode,
                      String organizationCode, String department) {
    }
}
