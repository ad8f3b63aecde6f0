package org.xuncha.staffing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.xuncha.staffing.solver.FormationJson.Assignment;
import org.xuncha.staffing.solver.FormationJson.Instance;
import org.xuncha.staffing.solver.FormationJson.InspectorSpec;
import org.xuncha.staffing.solver.FormationJson.Rules;
import org.xuncha.staffing.solver.FormationJson.TeamSpec;

/**
 * Random instances with a planted plan of score 0/0, so the optimum is known. Every team has 5 seats (LEADER,
 * DEPUTY, LIAISON, 2 MEMBER) and needs one or two skills; team k inspects county k mod n. The planted staff of a
 * team works in its source county (under PUSH_MILL a random permutation of the counties without fixed points), has
 * the skills, no relatives or previous targets in its own team's organizations and no place in its target; but
 * their hometowns, postings, relatives and previous targets hit other teams, so most other seats are closed to
 * them. Spare inspectors (a share of the seats) are random, a third of them unavailable.
 * City form: {@code generate(10, 60, 0.10, …)}; province form: {@code generate(81, 456, 0.15, …)}.
 */
final class InstanceGenerator {

    static final List<String> SKILLS = List.of("FINANCE", "AUDIT", "LAW", "PERSONNEL", "ENGINEERING");

    record Generated(Instance instance, List<Assignment> planted) {
    }

    private InstanceGenerator() {
    }

    static String county(int i) {
        return String.format("35%02d%02d", i / 9 + 1, i % 9 + 1);
    }

    static Generated generate(int counties, int teamCount, double spare, boolean pushMill, boolean localLiaison, long seed) {
        Random random = new Random(seed);
        List<TeamSpec> teams = new ArrayList<>();
        List<Assignment> planted = new ArrayList<>();
        List<InspectorSpec> people = new ArrayList<>();
        List<String> orgs = new ArrayList<>();
        for (int k = 0; k < teamCount; k++) {
            orgs.add(String.format("ORG-%04d-1", k));
            orgs.add(String.format("ORG-%04d-2", k));
        }
        int[] counter = {0};
        int[] sourceOf = derangement(random, counties);
        for (int k = 0; k < teamCount; k++) {
            int target = k % counties;
            int source = pushMill ? sourceOf[target] : other(random, counties, target);
            String teamId = String.format("T%03d", k + 1);
            List<String> targets = List.of(orgs.get(2 * k), orgs.get(2 * k + 1));
            List<String> skills = new ArrayList<>(SKILLS);
            Collections.shuffle(skills, random);
            Map<String, Integer> need = new LinkedHashMap<>();
            need.put(skills.get(0), 1);
            if (random.nextBoolean()) {
                need.put(skills.get(1), 1);
            }
            Map<String, Integer> roles = new LinkedHashMap<>();
            roles.put("LEADER", 1);
            roles.put("DEPUTY", 1);
            roles.put("LIAISON", 1);
            roles.put("MEMBER", 2);
            teams.add(new TeamSpec(teamId, county(target), targets, roles, need));
            List<String> seatRoles = List.of("LEADER", "DEPUTY", "LIAISON", "MEMBER", "MEMBER");
            for (int s = 0; s < seatRoles.size(); s++) {
                String role = seatRoles.get(s);
                boolean local = localLiaison && (role.equals("DEPUTY") || role.equals("LIAISON"));
                List<String> mySkills = new ArrayList<>();
                if (s == 3) {
                    mySkills.add(skills.get(0));
                } else if (s == 4) {
                    mySkills.add(skills.get(1));
                }
                if (random.nextInt(3) == 0) {
                    mySkills.add(SKILLS.get(random.nextInt(SKILLS.size())));
                }
                String workplace = county(local ? target : source);
                String residence = local ? county(random.nextInt(counties)) : county(random.nextBoolean() ? source : other(random, counties, target));
                String hometown = local ? county(random.nextInt(counties)) : county(other(random, counties, target));
                List<String> postings = new ArrayList<>();
                for (int p = random.nextInt(3); p > 0; p--) {
                    postings.add(county(local ? random.nextInt(counties) : other(random, counties, target)));
                }
                List<String> relatives = new ArrayList<>();
                List<String> previous = new ArrayList<>();
                if (teamCount > 1) {
                    if (random.nextInt(3) == 0) {
                        relatives.add(orgs.get(2 * otherTeam(random, teamCount, k) + random.nextInt(2)));
                    }
                    for (int p = random.nextInt(3); p > 0; p--) {
                        previous.add(orgs.get(2 * otherTeam(random, teamCount, k) + random.nextInt(2)));
                    }
                }
                boolean canLead = role.equals("LEADER") || random.nextInt(4) == 0;
                String id = "G" + (counter[0]++);
                people.add(new InspectorSpec(id, null, residence, workplace, postings, hometown,
                        dedupe(mySkills), canLead, true, relatives, previous));
                planted.add(new Assignment(teamId, id, role));
            }
        }
        int spares = (int) Math.round(teamCount * 5 * spare);
        for (int i = 0; i < spares; i++) {
            List<String> mySkills = new ArrayList<>();
            if (random.nextBoolean()) {
                mySkills.add(SKILLS.get(random.nextInt(SKILLS.size())));
            }
            List<String> previous = new ArrayList<>();
            previous.add(orgs.get(random.nextInt(orgs.size())));
            people.add(new InspectorSpec("G" + (counter[0]++), null, county(random.nextInt(counties)),
                    county(random.nextInt(counties)), List.of(county(random.nextInt(counties))),
                    county(random.nextInt(counties)), mySkills, random.nextInt(3) == 0, random.nextInt(3) != 0,
                    List.of(), previous));
        }
        Collections.shuffle(people, random);
        Map<String, String> ids = new LinkedHashMap<>();
        List<InspectorSpec> renamed = renumbered(people, ids);
        List<Assignment> plan = planted.stream().map(a -> new Assignment(a.team(), ids.get(a.inspector()), a.role())).toList();
        String name = (pushMill ? "推磨式" : "交叉") + (localLiaison ? "（本地副组长、联络员）" : "") + "巡察 " + counties + " 县 "
                + teamCount + " 组 种子 " + seed;
        Rules rules = new Rules(List.of("RESIDENCE", "WORKPLACE", "POSTING", "HOMETOWN"),
                pushMill ? "PUSH_MILL" : "NONE", localLiaison);
        return new Generated(new Instance(name, rules, renamed, teams), plan);
    }

    /** A random permutation without fixed points. */
    static int[] derangement(Random random, int n) {
        List<Integer> p = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            p.add(i);
        }
        while (true) {
            Collections.shuffle(p, random);
            boolean fixed = false;
            for (int i = 0; i < n; i++) {
                fixed |= p.get(i) == i;
            }
            if (!fixed) {
                return p.stream().mapToInt(Integer::intValue).toArray();
            }
        }
    }

    private static List<String> dedupe(List<String> list) {
        return list.stream().distinct().toList();
    }

    private static int other(Random random, int n, int not) {
        int i = random.nextInt(n - 1);
        return i >= not ? i + 1 : i;
    }

    private static int otherTeam(Random random, int n, int not) {
        return other(random, n, not);
    }

    /**
     * The shuffled people under the pool's own ids P00001… and names 干部N, so that an id says nothing about who was
     * planted where; {@code ids} receives old id → new id for the planted plan.
     */
    static List<InspectorSpec> renumbered(List<InspectorSpec> people, Map<String, String> ids) {
        List<InspectorSpec> renamed = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            InspectorSpec p = people.get(i);
            String id = String.format("P%05d", i + 1);
            ids.put(p.id(), id);
            renamed.add(new InspectorSpec(id, "干部" + (i + 1), p.residence(), p.workplace(), p.postings(),
                    p.hometown(), p.skills(), p.canLead(), p.available(), p.relativesIn(), p.previousTargets(),
                    p.worksAt(), p.postedAt()));
        }
        return renamed;
    }
}
