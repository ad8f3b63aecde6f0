package org.xuncha.staffing.solver;

import java.util.Collection;

/**
 * The hard rules that one seat's inspector can break, in the order they are checked. A seat counts once in
 * {@code score.hard} however many rules it breaks; the constraint of its first broken rule carries the point.
 */
public enum SeatRule {
    UNAVAILABLE("不可用"),
    CAN_LEAD("不具备组长资格"),
    LOCAL_LIAISON("工作地不在被巡察地（本地副组长/联络员）"),
    AVOIDANCE("四回避"),
    RELATIVE("亲属在被巡察单位"),
    ORGANIZATION("本人工作单位或任职单位与被巡察单位同一领导序列"),
    PUSH_MILL("工作地与本组派出县不一致（推磨式）");

    private final String label;

    SeatRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether {@code inspector} in {@code seat} (of its team, with the team's source county) breaks this rule. */
    public boolean breaks(Seat seat, Inspector inspector) {
        Team team = seat.getTeam();
        Policy policy = team.getPolicy();
        return switch (this) {
            case UNAVAILABLE -> !inspector.available();
            case CAN_LEAD -> seat.getRole() == Role.LEADER && !inspector.canLead();
            case LOCAL_LIAISON -> seat.isLocal() && !Regions.touch(inspector.workplace(), team.getTargetRegion());
            case AVOIDANCE -> !seat.isLocal() && avoidedPlace(policy, inspector, team.getTargetRegion()) != null;
            case RELATIVE -> intersects(inspector.relativesIn(), team.getTargets());
            case ORGANIZATION -> intersects(inspector.worksAt(), team.getTargets())
                    || intersects(inspector.postedAt(), team.getTargets());
            case PUSH_MILL -> policy.pushMill() && !seat.isLocal()
                    && (team.getSourceCounty() == null || !team.getSourceCounty().equals(inspector.workplace()));
        };
    }

    /** The first rule {@code seat}'s inspector breaks, or null. */
    public static SeatRule firstBroken(Seat seat) {
        Inspector inspector = seat.getInspector();
        if (inspector == null) {
            return null;
        }
        for (SeatRule rule : values()) {
            if (rule.breaks(seat, inspector)) {
                return rule;
            }
        }
        return null;
    }

    /** Which avoided place of the inspector touches {@code region}, or null. */
    public static Policy.Avoid avoidedPlace(Policy policy, Inspector inspector, String region) {
        for (Policy.Avoid avoid : policy.avoid()) {
            boolean touches = switch (avoid) {
                case RESIDENCE -> Regions.touch(inspector.residence(), region);
                case WORKPLACE -> Regions.touch(inspector.workplace(), region);
                case HOMETOWN -> Regions.touch(inspector.hometown(), region);
                case POSTING -> inspector.postings().stream().anyMatch(p -> Regions.touch(p, region));
            };
            if (touches) {
                return avoid;
            }
        }
        return null;
    }

    static boolean intersects(Collection<String> a, Collection<String> b) {
        for (String x : a) {
            if (b.contains(x)) {
                return true;
            }
        }
        return false;
    }
}
