package org.xuncha.staffing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.xuncha.staffing.InstanceGenerator.Generated;
import org.xuncha.staffing.solver.FormationJson.Assignment;
import org.xuncha.staffing.solver.FormationJson.Instance;
import org.xuncha.staffing.solver.FormationJson.InspectorSpec;
import org.xuncha.staffing.solver.FormationJson.Rules;
import org.xuncha.staffing.solver.FormationJson.TeamSpec;

/**
 * Hard instances (issue 11 §2) with a planted plan of score 0/0, written independently of {@link InstanceGenerator}
 * to be closer to real rounds:
 * <ul>
 * <li>tight spare: {@code spare} is a share of the seats (3–5 %), a third of the spare people unavailable;</li>
 * <li>skills correlated with rank (LEADER/DEPUTY: ORGANIZATION, DISCIPLINE; MEMBER: FINANCE, AUDIT, LAW, IT,
 *     ENGINEERING; LIAISON: PETITION, AGRICULTURE) and scarce by county: each county lacks two member skills,
 *     which only the planted holders of a team that needs them have; a team needs 2–3 skills, some twice;</li>
 * <li>2–4 target organizations per team; many teams per county (push-mill over few counties);</li>
 * <li>organization avoidance: every planted person has {@code worksAt}/{@code postedAt}/{@code relativesIn}
 *     entries that hit sibling teams (same target county), so the obvious swaps inside a county pair are closed;
 *     {@code previousTargets} of siblings make further swaps cost soft points;</li>
 * <li>under local liaison the DEPUTY and LIAISON seats are planted with people working in the target county.</li>
 * </ul>
 * Team k inspects county k mod n; under PUSH_MILL its planted staff works in the county the permutation sends
 * there. Classes: small round {@code generate(4, 32, 0.04, true, false|true, seed)}, city
 * {@code generate(10, 60, 0.04, true, true, seed)}, province {@code generate(81, 456, 0.04, true, true, seed)}.
 */
final class HardInstanceGenerator {

    static final List<String> HIGH = List.of("ORGANIZATION", "DISCIPLINE");
    static final List<String> MEMBER = List.of("FINANCE", "AUDIT", "LAW", "IT", "ENGINEERING");
    static final List<String> LOW = List.of("PETITION", "AGRICULTURE");

    private HardInstanceGenerator() {
    }

    static Generated generate(int counties, int teamCount, double spare, boolean pushMill, boolean localLiaison, long seed) {
        Random random = new Random(seed);
        String[] county = new String[counties];
        for (int i = 0; i < counties; i++) {
            county[i] = InstanceGenerator.county(i);
        }
        // Two member skills absent from each county's ordinary people.
        List<List<String>> scarce = new ArrayList<>();
        for (int c = 0; c < counties; c++) {
            List<String> s = new ArrayList<>(MEMBER);
            Collections.shuffle(s, random);
            scarce.add(List.of(s.get(0), s.get(1)));
        }
        int[] sourceOf = InstanceGenerator.derangement(random, counties);
        List<List<String>> targetsOf = new ArrayList<>();
        List<String> allOrgs = new ArrayList<>();
        for (int k = 0; k < teamCount; k++) {
            List<String> t = new ArrayList<>();
            for (int j = 2 + random.nextInt(3); j > 0; j--) {
                String org = String.format("ORG-%04d-%d", k, t.size() + 1);
                t.add(org);
                allOrgs.add(org);
            }
            targetsOf.add(t);
        }
        List<TeamSpec> teams = new ArrayList<>();
        List<Assignment> planted = new ArrayList<>();
        List<InspectorSpec> people = new ArrayList<>();
        int[] counter = {0};
        List<String> seatRoles = List.of("LEADER", "DEPUTY", "LIAISON", "MEMBER", "MEMBER");
        for (int k = 0; k < teamCount; k++) {
            int target = k % counties;
            int source = pushMill ? sourceOf[target] : other(random, counties, target);
            String teamId = String.format("T%03d", k + 1);
            List<String> targets = targetsOf.get(k);
            List<Integer> siblings = new ArrayList<>();
            for (int o = target; o < teamCount; o += counties) {
                if (o != k) {
                    siblings.add(o);
                }
            }
            // Skills of each planted seat, chosen by rank; the team's needs are what its planted staff has.
            List<List<String>> seatSkills = new ArrayList<>();
            for (String role : seatRoles) {
                List<String> mine = new ArrayList<>();
                List<String> pool = role.equals("MEMBER") ? MEMBER : role.equals("LIAISON") ? LOW : HIGH;
                mine.add(pool.get(random.nextInt(pool.size())));
                if (role.equals("MEMBER") && random.nextInt(3) == 0) {
                    mine.add(MEMBER.get(random.nextInt(MEMBER.size())));
                }
                seatSkills.add(dedupe(mine));
            }
            // Half of the planted members hold one of their county's scarce skills, so needs fall on scarcity.
            for (int s = 3; s < 5; s++) {
                if (random.nextBoolean()) {
                    List<String> m = new ArrayList<>(seatSkills.get(s));
                    m.set(0, scarce.get(source).get(random.nextInt(2)));
                    seatSkills.set(s, dedupe(m));
                }
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            seatSkills.forEach(list -> list.forEach(x -> counts.merge(x, 1, Integer::sum)));
            List<String> candidates = new ArrayList<>(counts.keySet());
            Collections.shuffle(candidates, random);
            Map<String, Integer> need = new LinkedHashMap<>();
            int wanted = 2 + random.nextInt(2);
            for (String skill : candidates) {
                if (need.size() < wanted) {
                    need.put(skill, counts.get(skill));
                }
            }
            Map<String, Integer> roles = new LinkedHashMap<>();
            roles.put("LEADER", 1);
            roles.put("DEPUTY", 1);
            roles.put("LIAISON", 1);
            roles.put("MEMBER", 2);
            teams.add(new TeamSpec(teamId, county[target], targets, roles, need));
            for (int s = 0; s < seatRoles.size(); s++) {
                String role = seatRoles.get(s);
                boolean local = localLiaison && (role.equals("DEPUTY") || role.equals("LIAISON"));
                int home = local ? target : source;
                String workplace = county[home];
                String residence = local ? county[random.nextInt(counties)]
                        : county[random.nextInt(4) != 0 ? source : other(random, counties, target)];
                String hometown = local ? county[random.nextInt(counties)] : county[other(random, counties, target)];
                List<String> postings = new ArrayList<>();
                for (int p = random.nextInt(3); p > 0; p--) {
                    postings.add(county[local ? random.nextInt(counties) : other(random, counties, target)]);
                }
                List<String> worksAt = new ArrayList<>();
                worksAt.add(String.format("UNIT-%s-%d", workplace, random.nextInt(20)));
                List<String> postedAt = new ArrayList<>();
                List<String> relatives = new ArrayList<>();
                List<String> previous = new ArrayList<>();
                if (!siblings.isEmpty()) {
                    // Local people work among the target county's organizations: some of them are siblings' targets.
                    if (local || random.nextInt(3) == 0) {
                        worksAt.add(pick(random, targetsOf.get(pick(random, siblings))));
                    }
                    for (int p = random.nextInt(3); p > 0; p--) {
                        postedAt.add(pick(random, targetsOf.get(pick(random, siblings))));
                    }
                    if (random.nextInt(3) == 0) {
                        relatives.add(pick(random, targetsOf.get(pick(random, siblings))));
                    }
                    for (int p = random.nextInt(3); p > 0; p--) {
                        previous.add(pick(random, targetsOf.get(pick(random, siblings))));
                    }
                }
                if (random.nextInt(4) == 0) {
                    previous.add(pick(random, otherTeamTargets(random, targetsOf, k)));
                }
                boolean canLead = role.equals("LEADER") || (role.equals("DEPUTY") && random.nextInt(3) == 0);
                String id = "H" + (counter[0]++);
                people.add(new InspectorSpec(id, null, residence, workplace, postings, hometown, seatSkills.get(s),
                        canLead, true, dedupe(relatives), dedupe(previous), dedupe(worksAt), dedupe(postedAt)));
                planted.add(new Assignment(teamId, id, role));
            }
        }
        int spares = (int) Math.round(teamCount * seatRoles.size() * spare);
        for (int i = 0; i < spares; i++) {
            int home = random.nextInt(counties);
            List<String> pool = new ArrayList<>(MEMBER);
            pool.removeAll(scarce.get(home));
            List<String> mySkills = new ArrayList<>();
            if (random.nextBoolean()) {
                mySkills.add(pick(random, pool));
            }
            List<String> previous = new ArrayList<>();
            previous.add(pick(random, allOrgs));
            List<String> worksAt = List.of(String.format("UNIT-%s-%d", county[home], random.nextInt(20)), pick(random, allOrgs));
            people.add(new InspectorSpec("H" + (counter[0]++), null, county[random.nextInt(counties)], county[home],
                    List.of(county[random.nextInt(counties)]), county[random.nextInt(counties)], mySkills,
                    random.nextInt(4) == 0, random.nextInt(3) != 0, List.of(), previous, worksAt, List.of()));
        }
        Collections.shuffle(people, random);
        Map<String, String> ids = new LinkedHashMap<>();
        List<InspectorSpec> renamed = InstanceGenerator.renumbered(people, ids);
        List<Assignment> plan = planted.stream().map(a -> new Assignment(a.team(), ids.get(a.inspector()), a.role())).toList();
        String name = "难例 " + (pushMill ? "推磨式" : "交叉") + (localLiaison ? "（本地副组长、联络员）" : "") + "巡察 "
                + counties + " 县 " + teamCount + " 组 种子 " + seed;
        Rules rules = new Rules(List.of("RESIDENCE", "WORKPLACE", "POSTING", "HOMETOWN"),
                pushMill ? "PUSH_MILL" : "NONE", localLiaison);
        return new Generated(new Instance(name, rules, renamed, teams), plan);
    }

    /** Targets of a team other than k (the previous targets of a planted person never include their own). */
    private static List<String> otherTeamTargets(Random random, List<List<String>> targetsOf, int k) {
        return targetsOf.get(other(random, targetsOf.size(), k));
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static List<String> dedupe(List<String> list) {
        return list.stream().distinct().toList();
    }

    private static int other(Random random, int n, int not) {
        int i = random.nextInt(n - 1);
        return i >= not ? i + 1 : i;
    }
}
