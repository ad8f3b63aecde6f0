package org.xuncha.demo;

import java.time.LocalDate;
import java.util.List;

import org.xuncha.common.RegionLevel;
import org.xuncha.common.Role;
import org.xuncha.organization.OrganizationKind;
import org.xuncha.organization.Sector;
import org.xuncha.people.Rank;
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
        List<AccountRow> accounts) {

    static DemoWorld generate(Scale scale, long seed) {
        return new WorldBuilder(scale, seed).build();
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
                        List<Assignment> assignments) {
    }

    record Posting(String regionCode, String post, Integer fromYear, Integer toYear) {
    }

    record Absence(LocalDate startsOn, LocalDate endsOn, String reason) {
    }

    /** A declared relative working in an organization: the relation only, never a name. */
    record Relative(String organizationCode, String relation) {
    }

    /** An earlier inspection the inspector took part in; teamRole is LEADER, DEPUTY, LIAISON or MEMBER. */
    record Assignment(String organizationCode, int year, String teamRole) {
    }

    /** A demo sign-in; organizationCode is set for the TARGET account only. */
    record AccountRow(String username, String displayName, Role role, String bodyRegionCode,
                      String organizationCode, String department) {
    }
}
