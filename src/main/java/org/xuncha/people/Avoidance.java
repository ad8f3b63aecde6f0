package org.xuncha.people;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.xuncha.common.OrganizationId;
import org.xuncha.common.RegionCode;
import org.xuncha.common.RegionLevel;
import org.xuncha.organization.OrganizationLines;
import org.xuncha.organization.OrganizationLines.Position;

/**
 * 回避: the one rule that decides whether an inspector may sit on a team, used wherever a membership is made or
 * checked — hand entry and the API ({@code inspection.TeamMemberships}), staffing confirmation and the solver's
 * instance ({@code staffing}, which writes the organizations of {@link #ties} as {@code worksAt}, {@code postedAt}
 * and {@code relativesIn}), and the demo generator.
 *
 * <p>Two parts, checked target by target in this order:
 * <ol>
 *   <li>四回避 (places): residence, workplace, any posting's division and hometown must not lie in the county of a
 *       target at county level or below. A target of the city or province itself (市直) lies in no county and is
 *       not checked by place (a city code would touch every county of the city). A local deputy or liaison seat
 *       (龙岩 practice) is exempt from this part only.</li>
 *   <li>Organization avoidance (every seat): the inspector's employing organization, the organization of any
 *       posting (of the last {@link #postingYears} years when set, otherwise all) and the organization of any
 *       declared relative must not be a target, nor above or below a target in the same line of leadership
 *       (its ancestors and descendants in the organization tree).</li>
 * </ol>
 *
 * @param postingYears how many years back a posting still binds (a posting that ended in or after
 *                     {@code year - postingYears}, or has no end year, counts); null for every posting
 */
public record Avoidance(Integer postingYears) {

    public Avoidance {
        if (postingYears != null && postingYears <= 0) {
            postingYears = null;
        }
    }

    /** The strictest form: every posting counts. */
    public static Avoidance everyPosting() {
        return new Avoidance(null);
    }

    /** One organization the team inspects, with the division it lies in. */
    public record Target(OrganizationId organization, String name, RegionCode region) {
    }

    /** How the inspector is tied to an organization. */
    public enum Tie {
        WORKS_IN("本人工作单位"), POSTED_TO("本人曾任职单位");

        private final String label;

        Tie(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * Why the inspector must avoid the team: the target, and for organization avoidance the organization the
     * inspector is tied to and how it stands to the target (null for a place conflict).
     */
    public record Conflict(OrganizationId target, OrganizationId organization, Position position, String message) {
    }

    /** The organizations the inspector is tied to, as the rule reads them (postings already cut to the years). */
    public record Ties(Set<OrganizationId> worksIn, Set<OrganizationId> postedTo, Set<OrganizationId> relativesIn) {
    }

    /** The employing organization, the postings that count in {@code year}, and the relatives' organizations. */
    public Ties ties(InspectorProfile inspector, int year) {
        Set<OrganizationId> works = new LinkedHashSet<>();
        if (inspector.employerOrganization() != null) {
            works.add(inspector.employerOrganization());
        }
        Set<OrganizationId> posted = new LinkedHashSet<>();
        for (InspectorProfile.PostedAt p : inspector.postedAt()) {
            if (counts(p, year)) {
                posted.add(p.organization());
            }
        }
        Set<OrganizationId> relatives = new LinkedHashSet<>(inspector.relativeOrganizations());
        inspector.relatives().forEach(r -> relatives.add(r.organization()));
        return new Ties(works, posted, relatives);
    }

    /** Every organization the rule needs the line of: the targets' and the inspector's. */
    public Set<OrganizationId> organizations(InspectorProfile inspector, List<Target> targets, int year) {
        Ties ties = ties(inspector, year);
        Set<OrganizationId> all = new LinkedHashSet<>();
        targets.forEach(t -> all.add(t.organization()));
        all.addAll(ties.worksIn());
        all.addAll(ties.postedTo());
        all.addAll(ties.relativesIn());
        return all;
    }

    /**
     * The first reason the inspector may not sit on a team inspecting {@code targets} in {@code year}, or empty.
     * {@code lines} must hold the line of every organization of {@link #organizations}; {@code localSeat} exempts
     * a local deputy or liaison from the place part.
     */
    public Optional<Conflict> firstConflict(InspectorProfile inspector, List<Target> targets, OrganizationLines lines,
                                            int year, boolean localSeat) {
        Ties ties = ties(inspector, year);
        for (Target t : targets) {
            if (!localSeat) {
                Optional<String> place = place(inspector, t);
                if (place.isPresent()) {
                    return Optional.of(new Conflict(t.organization(), null, null, place.get()));
                }
            }
            Optional<Conflict> organization = organization(inspector, ties, t, lines);
            if (organization.isPresent()) {
                return organization;
            }
        }
        return Optional.empty();
    }

    private boolean counts(InspectorProfile.PostedAt posting, int year) {
        return postingYears == null || posting.toYear() == null || posting.toYear() >= year - postingYears;
    }

    /** 四回避 against the target's county; none for a target of the city or province itself. */
    private static Optional<String> place(InspectorProfile p, Target t) {
        RegionCode region = t.region();
        if (region == null || region.level().ordinal() < RegionLevel.COUNTY.ordinal()) {
            return Optional.empty();
        }
        RegionCode county = RegionCode.of(region.countyCode());
        String where = "须回避：该人员的%s与巡察对象“" + t.name() + "”在同一县（市、区）";
        if (p.residence().touches(county)) {
            return Optional.of(where.formatted("居住地"));
        }
        if (p.workplace().touches(county)) {
            return Optional.of(where.formatted("工作地"));
        }
        if (p.postings().stream().anyMatch(r -> r.touches(county))) {
            return Optional.of(where.formatted("任职地"));
        }
        if (p.hometown().touches(county)) {
            return Optional.of(where.formatted("成长地"));
        }
        return Optional.empty();
    }

    private static Optional<Conflict> organization(InspectorProfile p, Ties ties, Target t, OrganizationLines lines) {
        for (OrganizationId o : ties.worksIn()) {
            Optional<Position> at = lines.position(o, t.organization());
            if (at.isPresent()) {
                return Optional.of(conflict(Tie.WORKS_IN.label(), o, t, at.get(), lines));
            }
        }
        for (OrganizationId o : ties.postedTo()) {
            Optional<Position> at = lines.position(o, t.organization());
            if (at.isPresent()) {
                return Optional.of(conflict(Tie.POSTED_TO.label(), o, t, at.get(), lines));
            }
        }
        List<InspectorProfile.RelativeIn> relatives = new ArrayList<>(p.relatives());
        p.relativeOrganizations().stream().filter(o -> relatives.stream().noneMatch(r -> r.organization().equals(o)))
                .forEach(o -> relatives.add(new InspectorProfile.RelativeIn(o, null)));
        for (InspectorProfile.RelativeIn r : relatives) {
            Optional<Position> at = lines.position(r.organization(), t.organization());
            if (at.isPresent()) {
                String who = "本人的亲属" + (r.relation() == null ? "" : "（" + r.relation().label() + "）") + "所在单位";
                return Optional.of(conflict(who, r.organization(), t, at.get(), lines));
            }
        }
        return Optional.empty();
    }

    private static Conflict conflict(String tie, OrganizationId o, Target t, Position at, OrganizationLines lines) {
        String own = "“" + lines.name(o) + "”";
        String target = "“" + t.name() + "”";
        String message = at == Position.SAME
                ? "须回避：" + tie + own + "就是被巡察党组织" + target + "（同一单位）"
                : "须回避：" + tie + own + "是被巡察党组织" + target + "的" + at.label() + "（同一领导序列）";
        return new Conflict(t.organization(), o, at, message);
    }
}
