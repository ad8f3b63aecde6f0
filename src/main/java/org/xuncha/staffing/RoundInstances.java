package org.xuncha.staffing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.InspectorId;
import org.xuncha.common.OrganizationId;
import org.xuncha.common.RegionCode;
import org.xuncha.common.RegionLevel;
import org.xuncha.organization.OrganizationCatalog;
import org.xuncha.organization.OrganizationLines;
import org.xuncha.people.Avoidance;
import org.xuncha.people.InspectorProfile;
import org.xuncha.people.Skill;
import org.xuncha.people.TalentPool;
import org.xuncha.inspection.InspectionFilter;
import org.xuncha.inspection.InspectionStage;
import org.xuncha.inspection.InspectionTarget;
import org.xuncha.inspection.InspectionView;
import org.xuncha.inspection.Inspections;
import org.xuncha.inspection.RoundView;
import org.xuncha.inspection.TeamMemberView;
import org.xuncha.inspection.TeamMemberships;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.staffing.solver.FormationJson.InspectorSpec;
import org.xuncha.staffing.solver.FormationJson.Instance;
import org.xuncha.staffing.solver.FormationJson.Rules;
import org.xuncha.staffing.solver.FormationJson.TeamSpec;
import org.xuncha.staffing.solver.Role;
import org.xuncha.staffing.solver.SeatKey;

/**
 * Builds the contract instance of a round: one team per inspection still in preparation (准备), its seats and
 * skill needs from the office's form, and every active inspector of the talent pool the office reads.
 *
 * <p>Keys: team {@code I<inspection id>}, inspector {@code P<inspector id>}, organization {@code O<organization
 * id>}; the inspector's {@code name} is their pool code, so that a downloaded instance carries no names.
 * A team's {@code targetRegion} is the county most of its targets lie in. Targets of the city or province itself
 * (市直单位) lie in no county: for them the four place avoidances are not applied (as in hand-entered teams), so such
 * a team gets the city's 市辖区 code ({@code xxxx01}), which no county-level workplace or residence shares.
 * An inspector is {@code available} when they have no absence in the round's planned period and sit on no other
 * inspection overlapping it. {@code worksAt}, {@code postedAt} and {@code relativesIn} come from the one avoidance
 * rule ({@link Avoidance#ties}: postings cut to the office's years) and are expanded through the organization tree
 * (each organization with its ancestors and descendants). Members already on a team are kept as fixed seats.
 */
@Component
class RoundInstances {

    static final int MAX_SEATS_PER_ROLE = 10;

    private final Inspections inspections;
    private final TeamMemberships memberships;
    private final TalentPool talentPool;
    private final Avoidance avoidance;
    private final OrganizationCatalog organizations;
    private final java.time.Clock clock;

    RoundInstances(Inspections inspections, TeamMemberships memberships, TalentPool talentPool, Avoidance avoidance,
                   OrganizationCatalog organizations, java.time.Clock clock) {
        this.avoidance = avoidance;
        this.organizations = organizations;
        this.clock = clock;
        this.inspections = inspections;
        this.memberships = memberships;
        this.talentPool = talentPool;
    }

    record Built(Instance instance, Map<SeatKey, String> existing) {
    }

    Built build(DataScope scope, RoundView round, StaffingRunForm form) {
        seats(form.getLeaders(), "组长");
        seats(form.getDeputies(), "副组长");
        seats(form.getLiaisons(), "联络员");
        seats(form.getMembers(), "组员");
        if (form.getLeaders() + form.getDeputies() + form.getLiaisons() + form.getMembers() == 0) {
            throw new UserInputException("每个巡察组至少要有一个席位");
        }
        List<String> avoid = new ArrayList<>();
        if (form.isAvoidResidence()) {
            avoid.add("RESIDENCE");
        }
        if (form.isAvoidWorkplace()) {
            avoid.add("WORKPLACE");
        }
        if (form.isAvoidPosting()) {
            avoid.add("POSTING");
        }
        if (form.isAvoidHometown()) {
            avoid.add("HOMETOWN");
        }
        Map<String, Integer> skillNeeds = new TreeMap<>();
        if (form.getSkills() != null) {
            form.getSkills().forEach((skill, n) -> {
                if (n != null && (n < 0 || n > MAX_SEATS_PER_ROLE * 4)) {
                    throw new UserInputException("专长“" + skill.label() + "”的人数应在0至" + (MAX_SEATS_PER_ROLE * 4) + "之间");
                }
                if (n != null && n > 0) {
                    skillNeeds.put(skill.name(), n);
                }
            });
        }

        List<InspectionView> staffable = new ArrayList<>();
        for (int page = 0; ; page++) {
            ResultPage<InspectionView> p = inspections.list(scope, new InspectionFilter(round.id(), null, null, null, null),
                    page, ResultPage.MAX_SIZE);
            p.items().stream().filter(i -> i.stage() == InspectionStage.PREPARING && i.bodyId() == round.bodyId())
                    .forEach(staffable::add);
            if (!p.hasNext()) {
                break;
            }
        }
        if (staffable.isEmpty()) {
            throw new UserInputException("本轮没有处于“准备”阶段的巡察，无需组建巡察组");
        }
        staffable.sort(Comparator.comparingLong(InspectionView::id));

        Map<SeatKey, String> existing = new LinkedHashMap<>();
        List<TeamSpec> teams = new ArrayList<>();
        for (InspectionView inspection : staffable) {
            String team = teamKey(inspection.id());
            List<InspectionTarget> targets = inspections.targets(scope, InspectionId.of(inspection.id()));
            Map<String, Integer> roles = new LinkedHashMap<>();
            roles.put("LEADER", form.getLeaders());
            roles.put("DEPUTY", form.getDeputies());
            roles.put("LIAISON", form.getLiaisons());
            roles.put("MEMBER", form.getMembers());
            Map<Role, Integer> taken = new HashMap<>();
            for (TeamMemberView member : inspections.team(scope, InspectionId.of(inspection.id()))) {
                if (!member.current()) {
                    continue;
                }
                Role role = Role.valueOf(member.role().name());
                int index = taken.merge(role, 1, Integer::sum);
                roles.merge(role.name(), index, Math::max);
                existing.put(new SeatKey(team, role, index), inspectorKey(member.inspectorId()));
            }
            teams.add(new TeamSpec(team, targetRegion(targets),
                    targets.stream().map(t -> organizationKey(t.organizationId())).distinct().toList(), roles,
                    skillNeeds.isEmpty() ? null : skillNeeds));
        }

        LocalDate from = round.plannedStationOn();
        LocalDate to = round.plannedWithdrawOn() == null ? from : round.plannedWithdrawOn();
        Set<InspectorId> engaged = memberships.engagedInspectors(scope,
                staffable.stream().map(i -> InspectionId.of(i.id())).toList(), from, to);
        List<InspectorProfile> profiles = talentPool.profiles(scope);
        int year = from != null ? from.getYear() : java.time.LocalDate.now(clock).getYear();
        Map<InspectorId, Avoidance.Ties> ties = new HashMap<>();
        Set<OrganizationId> tied = new java.util.HashSet<>();
        for (InspectorProfile p : profiles) {
            Avoidance.Ties t = avoidance.ties(p, year);
            ties.put(p.id(), t);
            tied.addAll(t.worksIn());
            tied.addAll(t.postedTo());
            tied.addAll(t.relativesIn());
        }
        OrganizationLines lines = organizations.lines(tied);
        Map<OrganizationId, Set<OrganizationId>> below = organizations.descendants(tied);
        List<InspectorSpec> inspectors = new ArrayList<>();
        for (InspectorProfile p : profiles) {
            boolean available = !engaged.contains(p.id()) && (from == null || p.isAvailable(from, to));
            Avoidance.Ties t = ties.get(p.id());
            inspectors.add(new InspectorSpec(inspectorKey(p.id().value()), p.code(), code(p.residence()),
                    code(p.workplace()), p.postings().stream().map(RegionCode::countyCode).distinct().toList(),
                    code(p.hometown()), p.skills().stream().map(Skill::name).sorted().toList(), p.canLead(),
                    available, line(t.relativesIn(), lines, below),
                    p.previousOrganizations().stream().map(o -> organizationKey(o.value())).sorted().toList(),
                    line(t.worksIn(), lines, below), line(t.postedTo(), lines, below)));
        }
        inspectors.sort(Comparator.comparing(InspectorSpec::id));
        String name = round.bodyName() + round.name() + "巡察组组建";
        Instance instance = new Instance(name, new Rules(avoid, form.isPushMill() ? "PUSH_MILL" : "NONE",
                form.isLocalLiaison()), inspectors, teams);
        return new Built(instance, existing);
    }

    /**
     * The keys of the organizations and of every one above and below them in their line: the contract's
     * {@code worksAt}/{@code postedAt} expansion, so the solver and any checker only compare codes. Declared
     * relatives are expanded the same way, since the one avoidance rule reads their line too.
     */
    private static List<String> line(Set<OrganizationId> organizations, OrganizationLines lines,
                                     Map<OrganizationId, Set<OrganizationId>> below) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        for (OrganizationId o : organizations) {
            keys.add(organizationKey(o.value()));
            lines.ancestors(o).forEach(a -> keys.add(organizationKey(a.value())));
            below.getOrDefault(o, Set.of()).forEach(d -> keys.add(organizationKey(d.value())));
        }
        return List.copyOf(keys);
    }

    static String teamKey(long inspection) {
        return "I" + inspection;
    }

    static String inspectorKey(long inspector) {
        return "P" + inspector;
    }

    static String organizationKey(long organization) {
        return "O" + organization;
    }

    /** The inspection id of a team key, or null when the key is not one of ours. */
    static Long inspectionOf(String teamKey) {
        return parse(teamKey, 'I');
    }

    static Long inspectorOf(String inspectorKey) {
        return parse(inspectorKey, 'P');
    }

    private static Long parse(String key, char prefix) {
        if (key == null || key.length() < 2 || key.charAt(0) != prefix) {
            return null;
        }
        try {
            return Long.parseLong(key.substring(1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String code(RegionCode region) {
        return region == null ? null : region.countyCode();
    }

    private static String targetRegion(List<InspectionTarget> targets) {
        Map<String, Integer> counties = new TreeMap<>();
        String cityLevel = null;
        for (InspectionTarget t : targets) {
            RegionCode region = RegionCode.of(t.regionCode());
            if (region.level().ordinal() >= RegionLevel.COUNTY.ordinal()) {
                counties.merge(region.countyCode(), t.extension() ? 1 : 2, Integer::sum);
            } else if (cityLevel == null) {
                cityLevel = region.countyCode();
            }
        }
        if (!counties.isEmpty()) {
            return counties.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }
        String six = cityLevel == null ? "000000" : cityLevel;
        return six.endsWith("0000") ? six.substring(0, 2) + "0001" : six.substring(0, 4) + "01";
    }

    private static void seats(int n, String role) {
        if (n < 0 || n > MAX_SEATS_PER_ROLE) {
            throw new UserInputException(role + "席位数应在0至" + MAX_SEATS_PER_ROLE + "之间");
        }
    }

    static OrganizationId organizationOf(String key) {
        Long id = parse(key, 'O');
        return id == null ? null : OrganizationId.of(id);
    }
}
