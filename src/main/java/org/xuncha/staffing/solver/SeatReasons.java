package org.xuncha.staffing.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Why a seat holds whom it holds, in Chinese, for the office's review of a plan: the rules the inspector passes
 * (or the first one broken), the skills they bring that the team needs, and a soft point for a previous target.
 */
public final class SeatReasons {

    private SeatReasons() {
    }

    public static String of(Seat seat, StaffingSolution solution) {
        Inspector inspector = seat.getInspector();
        Team team = seat.getTeam();
        if (inspector == null) {
            return "空缺";
        }
        SeatRule broken = SeatRule.firstBroken(seat);
        if (broken != null) {
            return "违反硬约束：" + broken.label() + Formation.detail(broken, seat, inspector);
        }
        List<String> parts = new ArrayList<>();
        if (seat.getRole() == Role.LEADER) {
            parts.add("具备组长资格");
        }
        if (seat.isLocal()) {
            parts.add("本地" + seat.getRole().label() + "：工作地 " + inspector.workplace() + " 在被巡察地 " + team.getTargetRegion());
        } else {
            List<String> places = new ArrayList<>();
            for (Policy.Avoid avoid : team.getPolicy().avoid()) {
                switch (avoid) {
                    case RESIDENCE -> places.add("居住地 " + dash(inspector.residence()));
                    case WORKPLACE -> places.add("工作地 " + dash(inspector.workplace()));
                    case HOMETOWN -> places.add("成长地 " + dash(inspector.hometown()));
                    case POSTING -> places.add("任职地 " + (inspector.postings().isEmpty() ? "—"
                            : String.join("、", inspector.postings())));
                }
            }
            if (!places.isEmpty()) {
                parts.add("四回避：" + String.join("，", places) + " 均不在被巡察地 " + team.getTargetRegion());
            }
        }
        if (!inspector.relativesIn().isEmpty()) {
            parts.add("申报的亲属单位均不是本组巡察对象");
        }
        if (team.getPolicy().pushMill() && !seat.isLocal()) {
            parts.add("推磨式：来自本组派出县 " + team.getSourceCounty());
        }
        Set<String> needed = new HashSet<>();
        for (SkillNeed need : solution.getSkillNeeds()) {
            if (need.teamId().equals(team.getId())) {
                needed.add(need.skill());
            }
        }
        List<String> brings = inspector.skills().stream().filter(needed::contains).sorted().map(SeatReasons::skillLabel)
                .toList();
        if (!brings.isEmpty()) {
            parts.add("具备本组所需专长 " + String.join("、", brings));
        }
        List<String> again = inspector.previousTargets().stream().filter(team.getTargets()::contains).sorted().toList();
        if (!again.isEmpty()) {
            parts.add("曾巡察过本组对象 " + String.join("、", again) + "（软约束扣 1 分）");
        }
        return String.join("；", parts);
    }

    /**
     * Inspectors who could take {@code seat} without breaking a hard rule and who sit in no other seat of the
     * plan: those bringing a skill the team needs and no previous target first.
     */
    public static List<Inspector> candidates(Seat seat, StaffingSolution solution) {
        Set<Inspector> seated = new HashSet<>();
        for (Seat s : solution.getSeats()) {
            if (s.getInspector() != null && s != seat) {
                seated.add(s.getInspector());
            }
        }
        Set<String> needed = new HashSet<>();
        for (SkillNeed need : solution.getSkillNeeds()) {
            if (need.teamId().equals(seat.getTeam().getId())) {
                needed.add(need.skill());
            }
        }
        List<Inspector> eligible = new ArrayList<>();
        for (Inspector inspector : solution.getInspectors()) {
            if (seated.contains(inspector)) {
                continue;
            }
            boolean ok = true;
            for (SeatRule rule : SeatRule.values()) {
                if (rule.breaks(seat, inspector)) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                eligible.add(inspector);
            }
        }
        eligible.sort(Comparator.comparingLong((Inspector i) -> -i.skills().stream().filter(needed::contains).count())
                .thenComparing(i -> SeatRule.intersects(i.previousTargets(), seat.getTeam().getTargets()))
                .thenComparing(Inspector::id));
        return eligible;
    }

    private static String dash(String s) {
        return s == null ? "—" : s;
    }

    /** A contract skill value by its Chinese label (people's {@link org.xuncha.people.Skill}); an unknown value as given. */
    public static String skillLabel(String skill) {
        for (org.xuncha.people.Skill s : org.xuncha.people.Skill.values()) {
            if (s.name().equals(skill)) {
                return s.label();
            }
        }
        return skill;
    }
}
