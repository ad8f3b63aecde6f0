package org.xuncha.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.xuncha.common.BodyId;
import org.xuncha.common.OrganizationId;
import org.xuncha.people.InspectorDraft.Absence;
import org.xuncha.platform.web.UserInputException;

/**
 * The inspector aggregate as stored: the identity number only sealed (SM4-GCM) and as a blind index.
 * Children (postings, skills, absences, relatives, assignments) are replaced as a whole on each change.
 */
class Inspector {

    Long id;
    String code;
    String name;
    Gender gender;
    String sealedIdNumber;
    String idNumberIndex;
    BodyId body;
    String employer;
    /** 工作单位 in the organization tree, beside the free-text {@link #employer}; null when not recorded. */
    OrganizationId employerOrganization;
    String post;
    Rank rank;
    String residenceCode;
    String workplaceCode;
    String hometownCode;
    boolean canLead;
    boolean active = true;
    String inactiveReason;
    int version;
    Set<Skill> skills = EnumSet.noneOf(Skill.class);
    List<Held> postings = new ArrayList<>();
    List<Absence> absences = new ArrayList<>();
    List<Relative> relatives = new ArrayList<>();
    List<Assignment> assignments = new ArrayList<>();

    record Relative(OrganizationId organization, Relation relation) {
    }

    /** 任职经历 as stored: the division, the organization when known, the post and the years (either may be unknown). */
    record Held(String regionCode, OrganizationId organization, String post, Integer fromYear, Integer toYear) {
    }

    record Assignment(OrganizationId organization, int assignedYear, TeamRole teamRole) {
    }

    /** True when no absence overlaps the period (both days included). */
    boolean isAvailable(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new UserInputException("请填写有效的起止日期");
        }
        return absences.stream().noneMatch(a -> a.overlaps(from, to));
    }

    void deactivate(String reason) {
        if (!active) {
            throw new UserInputException("该人员已停用");
        }
        active = false;
        inactiveReason = reason;
    }

    void reactivate() {
        if (active) {
            throw new UserInputException("该人员已是启用状态");
        }
        active = true;
        inactiveReason = null;
    }

    void declareRelative(OrganizationId organization, Relation relation) {
        Relative relative = new Relative(organization, relation);
        if (relatives.contains(relative)) {
            throw new UserInputException("该亲属关系已申报");
        }
        relatives.add(relative);
    }
}
