package org.xuncha.people;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.xuncha.common.BodyId;
import org.xuncha.common.InspectorId;
import org.xuncha.common.OrganizationId;
import org.xuncha.common.RegionCode;
import org.xuncha.people.InspectorDraft.Absence;

/**
 * What team formation needs of an inspector (四回避, skills, leadership, availability): the four kinds of
 * place, skills, whether they can lead, absences, the organizations of declared relatives and the
 * organizations inspected before; for avoidance at the organization ({@link Avoidance}) the employing
 * organization, the organizations of postings with their years and the relation of each declared relative.
 * No name and no identity number.
 */
public record InspectorProfile(
        InspectorId id,
        String code,
        BodyId body,
        Rank rank,
        boolean canLead,
        RegionCode residence,
        RegionCode workplace,
        RegionCode hometown,
        List<RegionCode> postings,
        Set<Skill> skills,
        List<Absence> absences,
        Set<OrganizationId> relativeOrganizations,
        Set<OrganizationId> previousOrganizations,
        OrganizationId employerOrganization,
        List<PostedAt> postedAt,
        List<RelativeIn> relatives) {

    public InspectorProfile {
        postings = List.copyOf(postings);
        skills = Set.copyOf(skills);
        absences = List.copyOf(absences);
        relativeOrganizations = Set.copyOf(relativeOrganizations);
        previousOrganizations = Set.copyOf(previousOrganizations);
        postedAt = postedAt == null ? List.of() : List.copyOf(postedAt);
        relatives = relatives == null ? List.of() : List.copyOf(relatives);
    }

    /** A posting to an organization of the tree, with its years (null when unknown; no end year: still there). */
    public record PostedAt(OrganizationId organization, Integer fromYear, Integer toYear) {
    }

    /** A declared relative in an organization, with the relation (never the relative's name). */
    public record RelativeIn(OrganizationId organization, Relation relation) {
    }

    public boolean isAvailable(LocalDate from, LocalDate to) {
        return absences.stream().noneMatch(a -> a.overlaps(from, to));
    }

    /** Residence, workplace, hometown and every posting: the places avoidance is checked against. */
    public List<RegionCode> places() {
        var all = new java.util.ArrayList<RegionCode>(List.of(residence, workplace, hometown));
        all.addAll(postings);
        return List.copyOf(all);
    }
}
