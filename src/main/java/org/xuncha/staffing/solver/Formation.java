package org.xuncha.staffing.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.xuncha.staffing.solver.FormationJson.Assignment;
import org.xuncha.staffing.solver.FormationJson.Instance;
import org.xuncha.staffing.solver.FormationJson.InspectorSpec;
import org.xuncha.staffing.solver.FormationJson.Plan;
import org.xuncha.staffing.solver.FormationJson.Score;
import org.xuncha.staffing.solver.FormationJson.TeamSpec;
import org.xuncha.staffing.solver.FormationJson.Unmet;

/**
 * Turns a contract instance into a planning problem (checking it, with Chinese messages) and a solved problem
 * back into a contract plan with its explanations.
 *
 * <p>Where the contract is silent: a missing {@code rules} means all four avoidances, no rotation, no local
 * liaison; a missing list is empty; a missing {@code available} is true and a missing {@code canLead} false.
 */
public final class Formation {

    private static final Pattern REGION = Pattern.compile("\\d{6}");

    private Formation() {
    }

    public static StaffingSolution toProblem(Instance instance) {
        if (instance == null) {
            throw new InvalidInstanceException("实例为空");
        }
        Policy policy = policy(instance.rules());
        if (instance.inspectors() == null || instance.teams() == null) {
            throw new InvalidInstanceException("实例缺少 inspectors 或 teams");
        }
        List<Inspector> inspectors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (InspectorSpec spec : instance.inspectors()) {
            if (spec == null || blank(spec.id())) {
                throw new InvalidInstanceException("巡察干部缺少 id");
            }
            if (!ids.add(spec.id())) {
                throw new InvalidInstanceException("巡察干部 id 重复：" + spec.id());
            }
            region(spec.residence(), true, "巡察干部 " + spec.id() + " 的 residence");
            region(spec.workplace(), true, "巡察干部 " + spec.id() + " 的 workplace");
            region(spec.hometown(), true, "巡察干部 " + spec.id() + " 的 hometown");
            for (String posting : list(spec.postings())) {
                region(posting, false, "巡察干部 " + spec.id() + " 的 postings");
            }
            inspectors.add(new Inspector(spec.id(), spec.name(), spec.residence(), spec.workplace(),
                    List.copyOf(list(spec.postings())), spec.hometown(), Set.copyOf(list(spec.skills())),
                    Boolean.TRUE.equals(spec.canLead()), !Boolean.FALSE.equals(spec.available()),
                    Set.copyOf(list(spec.relativesIn())), Set.copyOf(list(spec.previousTargets())),
                    Set.copyOf(list(spec.worksAt())), Set.copyOf(list(spec.postedAt()))));
        }
        List<Team> teams = new ArrayList<>();
        List<Seat> seats = new ArrayList<>();
        List<SkillNeed> needs = new ArrayList<>();
        Set<String> teamIds = new HashSet<>();
        Set<String> counties = new LinkedHashSet<>();
        for (TeamSpec spec : instance.teams()) {
            if (spec == null || blank(spec.id())) {
                throw new InvalidInstanceException("巡察组缺少 id");
            }
            if (!teamIds.add(spec.id())) {
                throw new InvalidInstanceException("巡察组 id 重复：" + spec.id());
            }
            region(spec.targetRegion(), false, "巡察组 " + spec.id() + " 的 targetRegion");
            if (spec.roles() == null || spec.roles().isEmpty()) {
                throw new InvalidInstanceException("巡察组 " + spec.id() + " 没有 roles（各角色席位数）");
            }
            Team team = new Team(spec.id(), spec.targetRegion(), Set.copyOf(list(spec.targets())), policy);
            teams.add(team);
            counties.add(spec.targetRegion());
            Map<Role, Integer> roles = new TreeMap<>();
            spec.roles().forEach((name, count) -> {
                Role role;
                try {
                    role = Role.valueOf(name);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInstanceException("巡察组 " + spec.id() + " 的角色无法识别：" + name
                            + "（应为 LEADER、DEPUTY、LIAISON、MEMBER）");
                }
                roles.put(role, count(count, "巡察组 " + spec.id() + " 的 " + name + " 席位数"));
            });
            if (roles.values().stream().mapToInt(Integer::intValue).sum() == 0) {
                throw new InvalidInstanceException("巡察组 " + spec.id() + " 没有任何席位");
            }
            roles.forEach((role, count) -> {
                for (int i = 1; i <= count; i++) {
                    seats.add(new Seat(team, role, i));
                }
            });
            if (spec.skills() != null) {
                spec.skills().forEach((skill, count) -> {
                    int n = count(count, "巡察组 " + spec.id() + " 的专长 " + SeatReasons.skillLabel(skill) + " 人数");
                    if (n > 0) {
                        needs.add(new SkillNeed(team.getId(), skill, n));
                    }
                });
            }
        }
        return new StaffingSolution(instance.name(), inspectors, List.copyOf(counties), needs, teams, seats);
    }

    private static Policy policy(FormationJson.Rules rules) {
        if (rules == null) {
            return new Policy(EnumSet.allOf(Policy.Avoid.class), false, false);
        }
        Set<Policy.Avoid> avoid = EnumSet.noneOf(Policy.Avoid.class);
        for (String a : rules.avoid() == null ? List.of("RESIDENCE", "WORKPLACE", "POSTING", "HOMETOWN") : rules.avoid()) {
            try {
                avoid.add(Policy.Avoid.valueOf(a));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidInstanceException("回避项无法识别：" + a + "（应为 RESIDENCE、WORKPLACE、POSTING、HOMETOWN）");
            }
        }
        String rotation = rules.rotation() == null ? "NONE" : rules.rotation();
        if (!rotation.equals("NONE") && !rotation.equals("PUSH_MILL")) {
            throw new InvalidInstanceException("轮换方式无法识别：" + rotation + "（应为 NONE 或 PUSH_MILL）");
        }
        return new Policy(avoid, rotation.equals("PUSH_MILL"), Boolean.TRUE.equals(rules.localLiaison()));
    }

    private static void region(String code, boolean optional, String what) {
        if (code == null && optional) {
            return;
        }
        if (code == null || !REGION.matcher(code).matches()) {
            throw new InvalidInstanceException(what + " 应为六位行政区划代码：" + code);
        }
    }

    private static int count(Integer n, String what) {
        if (n == null || n < 0) {
            throw new InvalidInstanceException(what + " 应为非负整数：" + n);
        }
        return n;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    /** The seat named by {@code key}, or null. */
    public static Seat seat(StaffingSolution solution, SeatKey key) {
        for (Seat seat : solution.getSeats()) {
            if (seat.getTeam().getId().equals(key.team()) && seat.getRole() == key.role() && seat.getIndex() == key.index()) {
                return seat;
            }
        }
        return null;
    }

    /** The inspector with {@code id}, or null. */
    public static Inspector inspector(StaffingSolution solution, String id) {
        for (Inspector inspector : solution.getInspectors()) {
            if (inspector.id().equals(id)) {
                return inspector;
            }
        }
        return null;
    }

    /**
     * Seats a plan's assignments: the n-th assignment of (team, role) fills that team's n-th seat of the role.
     * An assignment naming an unknown team, role or inspector, or more seats than the team has, is refused.
     */
    public static void applyPlan(StaffingSolution solution, Plan plan) {
        Map<String, Inspector> byId = new HashMap<>();
        solution.getInspectors().forEach(i -> byId.put(i.id(), i));
        Map<String, Integer> next = new HashMap<>();
        for (Assignment a : plan.assignments() == null ? List.<Assignment>of() : plan.assignments()) {
            if (a == null) {
                throw new InvalidInstanceException("方案中有空的分配项");
            }
            Role role;
            try {
                role = Role.valueOf(String.valueOf(a.role()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInstanceException("方案中的角色无法识别：" + a.role());
            }
            int index = next.merge(a.team() + ":" + role, 1, Integer::sum);
            Seat seat = seat(solution, new SeatKey(a.team(), role, index));
            if (seat == null) {
                throw new InvalidInstanceException("方案中巡察组 " + a.team() + " 的" + role.label() + "超出席位数或该组不存在");
            }
            Inspector inspector = byId.get(a.inspector());
            if (inspector == null) {
                throw new InvalidInstanceException("方案中的巡察干部不在实例中：" + a.inspector());
            }
            seat.setInspector(inspector);
        }
    }

    /** Pins the fixed seats to their inspectors and takes those inspectors out of every other unpinned seat. */
    public static void fix(StaffingSolution solution, Map<SeatKey, String> fixed) {
        Set<Inspector> taken = new HashSet<>();
        fixed.forEach((key, id) -> {
            Seat seat = seat(solution, key);
            Inspector inspector = inspector(solution, id);
            if (seat == null || inspector == null) {
                throw new InvalidInstanceException("锁定的席位或人员不在实例中：" + key + " → " + id);
            }
            seat.setInspector(inspector);
            seat.setPinned(true);
            taken.add(inspector);
        });
        for (Seat seat : solution.getSeats()) {
            if (!seat.isPinned() && taken.contains(seat.getInspector())) {
                seat.setInspector(null);
            }
        }
    }

    /**
     * Sets every push-mill team's source county to what its seats say (the most frequent workplace of its
     * non-local seats, ties to the smaller code; none when no such seat is filled), so that the score counts
     * the plan as written.
     */
    public static void deriveSourceCounties(StaffingSolution solution) {
        for (Team team : solution.getTeams()) {
            if (!team.getPolicy().pushMill()) {
                continue;
            }
            Map<String, Integer> counts = new TreeMap<>();
            for (Seat seat : solution.getSeats()) {
                if (seat.getTeam() == team && !seat.isLocal() && seat.getInspector() != null
                        && seat.getInspector().workplace() != null) {
                    counts.merge(seat.getInspector().workplace(), 1, Integer::sum);
                }
            }
            team.setSourceCounty(counts.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .map(Map.Entry::getKey).orElse(null));
        }
    }

    /** The plan of a scored solution: assignments in seat order, score, and one explanation per point. */
    public static Plan toPlan(StaffingSolution solution, long solveMillis) {
        List<Assignment> assignments = new ArrayList<>();
        for (Seat seat : solution.getSeats()) {
            if (seat.getInspector() != null) {
                assignments.add(new Assignment(seat.getTeam().getId(), seat.getInspector().id(), seat.getRole().name()));
            }
        }
        Score score = new Score(-solution.getScore().hardScore(), -solution.getScore().softScore());
        return new Plan(solution.getName(), assignments, score, explain(solution), solveMillis);
    }

    /** One entry per hard point; one entry per team and skill (covering its missing members), one per previous target. */
    public static List<Unmet> explain(StaffingSolution solution) {
        List<Unmet> unmet = new ArrayList<>();
        Map<Inspector, Integer> seatsOf = new HashMap<>();
        for (Seat seat : solution.getSeats()) {
            if (seat.getInspector() != null) {
                seatsOf.merge(seat.getInspector(), 1, Integer::sum);
            }
        }
        for (Seat seat : solution.getSeats()) {
            Inspector inspector = seat.getInspector();
            String team = seat.getTeam().getId();
            if (inspector == null) {
                unmet.add(new Unmet(team, StaffingConstraints.UNFILLED, whyEmpty(seat, solution, seatsOf)));
                continue;
            }
            SeatRule rule = SeatRule.firstBroken(seat);
            String who = seat.label() + "的 " + inspector.id() + (inspector.name() == null ? "" : "（" + inspector.name() + "）");
            if (rule != null) {
                unmet.add(new Unmet(team, rule.name(), who + "违反硬约束：" + rule.label() + detail(rule, seat, inspector)));
            } else if (seatsOf.get(inspector) > 1) {
                unmet.add(new Unmet(team, StaffingConstraints.DUPLICATE,
                        who + "在本方案中同时占用 " + seatsOf.get(inspector) + " 个席位（每人至多一个席位）"));
            }
        }
        List<Team> pushMillTeams = solution.getTeams().stream().filter(t -> t.getPolicy().pushMill()).toList();
        for (Team team : pushMillTeams) {
            String reason = PushMill.reason(team, pushMillTeams);
            if (reason != null) {
                unmet.add(new Unmet(team.getId(), StaffingConstraints.PERMUTATION,
                        "推磨式轮换要求“派出县→被巡察县”构成无不动点的置换，本组不满足：" + reason));
            }
        }
        for (SkillNeed need : solution.getSkillNeeds()) {
            long have = solution.getSeats().stream().filter(s -> s.getTeam().getId().equals(need.teamId()) && s.getInspector() != null
                    && s.getInspector().skills().contains(need.skill())).count();
            if (have < need.count()) {
                unmet.add(new Unmet(need.teamId(), StaffingConstraints.SKILL,
                        "缺少具有 " + SeatReasons.skillLabel(need.skill()) + " 专长的组员 " + (need.count() - have) + " 人"));
            }
        }
        for (Seat seat : solution.getSeats()) {
            Inspector inspector = seat.getInspector();
            if (inspector != null && SeatRule.intersects(inspector.previousTargets(), seat.getTeam().getTargets())) {
                List<String> again = inspector.previousTargets().stream()
                        .filter(seat.getTeam().getTargets()::contains).sorted().toList();
                unmet.add(new Unmet(seat.getTeam().getId(), StaffingConstraints.PREVIOUS_TARGET,
                        seat.label() + "的 " + inspector.id() + " 曾巡察过本组的被巡察单位 " + String.join("、", again)));
            }
        }
        return unmet;
    }

    static String detail(SeatRule rule, Seat seat, Inspector inspector) {
        Team team = seat.getTeam();
        return switch (rule) {
            case AVOIDANCE -> {
                Policy.Avoid place = SeatRule.avoidedPlace(team.getPolicy(), inspector, team.getTargetRegion());
                yield "（" + place.label() + "与被巡察地 " + team.getTargetRegion() + " 重合）";
            }
            case RELATIVE -> "（亲属所在单位：" + String.join("、",
                    inspector.relativesIn().stream().filter(team.getTargets()::contains).sorted().toList()) + "）";
            case ORGANIZATION -> {
                List<String> parts = new ArrayList<>();
                List<String> works = inspector.worksAt().stream().filter(team.getTargets()::contains).sorted().toList();
                List<String> posted = inspector.postedAt().stream().filter(team.getTargets()::contains).sorted().toList();
                if (!works.isEmpty()) {
                    parts.add("工作单位及其上下级：" + String.join("、", works));
                }
                if (!posted.isEmpty()) {
                    parts.add("任职单位及其上下级：" + String.join("、", posted));
                }
                yield "（" + String.join("；", parts) + "）";
            }
            case PUSH_MILL -> "（工作地 " + inspector.workplace() + "，本组派出县 " + team.getSourceCounty() + "）";
            case LOCAL_LIAISON -> "（工作地 " + inspector.workplace() + "，被巡察地 " + team.getTargetRegion() + "）";
            default -> "";
        };
    }

    /**
     * Why a seat stayed empty: how many of all inspectors each rule excludes (a person may be excluded by several
     * rules), and which rule, applied in order, leaves nobody.
     */
    private static String whyEmpty(Seat seat, StaffingSolution solution, Map<Inspector, Integer> seatsOf) {
        Map<String, Integer> excluded = new LinkedHashMap<>();
        String blocker = null;
        List<Inspector> remaining = new ArrayList<>(solution.getInspectors());
        for (SeatRule rule : SeatRule.values()) {
            if (rule == SeatRule.PUSH_MILL && seat.getTeam().getSourceCounty() == null) {
                continue;
            }
            int n = (int) solution.getInspectors().stream().filter(i -> rule.breaks(seat, i)).count();
            if (n > 0) {
                excluded.put(rule.label(), n);
            }
            boolean hadSome = !remaining.isEmpty();
            remaining.removeIf(i -> rule.breaks(seat, i));
            if (hadSome && remaining.isEmpty() && blocker == null) {
                blocker = rule.label();
            }
        }
        int taken = (int) solution.getInspectors().stream().filter(seatsOf::containsKey).count();
        if (taken > 0) {
            excluded.put("已在本方案其他席位", taken);
        }
        boolean hadSome = !remaining.isEmpty();
        remaining.removeIf(seatsOf::containsKey);
        if (hadSome && remaining.isEmpty() && blocker == null) {
            blocker = "已在本方案其他席位";
        }
        StringBuilder text = new StringBuilder(seat.label()).append("空缺：共 ")
                .append(solution.getInspectors().size()).append(" 名巡察干部");
        if (!excluded.isEmpty()) {
            text.append("，其中");
            List<String> parts = new ArrayList<>();
            excluded.forEach((label, n) -> parts.add("因" + label + "排除 " + n + " 人"));
            text.append(String.join("、", parts)).append("（一人可能因多项规则被排除）");
        }
        if (solution.getInspectors().isEmpty()) {
            text.append("；人才库为空");
        } else if (blocker != null) {
            text.append("；依次适用各项规则后，「").append(blocker).append("」使本席位无人可选");
        } else {
            text.append("；仍有 ").append(remaining.size())
                    .append(" 人满足本席位的各项规则，但求解时限内未能在不增加其他违反的前提下安排");
        }
        return text.toString();
    }
}
