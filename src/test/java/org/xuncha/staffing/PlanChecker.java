package org.xuncha.staffing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An independent check of a plan against its instance, written from {@code docs/formats/team-formation.md}
 * alone: it uses no class of the solver, only the two JSON texts, and recomputes {@code score}.
 *
 * <p>Readings of the contract that the solver shares: a seat counts once in {@code hard} however many rules its
 * inspector breaks, and all seats of an inspector seated more than once count; under PUSH_MILL a team's source
 * county is the most frequent workplace of its seats other than local DEPUTY/LIAISON seats (ties: the smaller
 * code), and each team that breaks the permutation adds one hard point; an assignment to a seat that does not
 * exist (unknown team or role, more people than seats, unknown inspector) adds one hard point.
 */
public final class PlanChecker {

    public record Result(long hard, long soft, long reportedHard, long reportedSoft, List<String> problems) {

        public boolean scoreMatches() {
            return hard == reportedHard && soft == reportedSoft;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PlanChecker() {
    }

    public static Result check(String instanceJson, String planJson) {
        JsonNode instance = JSON.readTree(instanceJson);
        JsonNode plan = JSON.readTree(planJson);
        List<String> problems = new ArrayList<>();
        JsonNode rules = instance.path("rules");
        Set<String> avoid = new HashSet<>();
        if (rules.has("avoid")) {
            rules.get("avoid").forEach(a -> avoid.add(a.asString()));
        } else {
            avoid.addAll(List.of("RESIDENCE", "WORKPLACE", "POSTING", "HOMETOWN"));
        }
        boolean pushMill = "PUSH_MILL".equals(rules.path("rotation").asString("NONE"));
        boolean localLiaison = rules.path("localLiaison").asBoolean(false);

        Map<String, JsonNode> people = new HashMap<>();
        instance.get("inspectors").forEach(p -> people.put(p.get("id").asString(), p));
        Map<String, JsonNode> teams = new LinkedHashMap<>();
        instance.get("teams").forEach(t -> teams.put(t.get("id").asString(), t));

        long hard = 0;
        // seats per team and role; assignments fill them in order
        Map<String, Map<String, List<String>>> seated = new LinkedHashMap<>();
        Map<String, Integer> timesSeated = new HashMap<>();
        for (JsonNode a : plan.get("assignments")) {
            String team = a.get("team").asString();
            String role = a.get("role").asString();
            String who = a.get("inspector").asString();
            JsonNode t = teams.get(team);
            int seats = t == null ? 0 : t.path("roles").path(role).asInt(0);
            List<String> list = seated.computeIfAbsent(team, k -> new LinkedHashMap<>()).computeIfAbsent(role, k -> new ArrayList<>());
            if (list.size() >= seats || !people.containsKey(who)) {
                hard++;
                problems.add("no such seat or inspector: " + a);
                continue;
            }
            list.add(who);
            timesSeated.merge(who, 1, Integer::sum);
        }
        Map<String, String> source = new HashMap<>();
        for (JsonNode t : teams.values()) {
            String id = t.get("id").asString();
            Map<String, Integer> counts = new TreeMap<>();
            seated.getOrDefault(id, Map.of()).forEach((role, list) -> {
                if (!local(localLiaison, role)) {
                    list.forEach(p -> {
                        JsonNode w = people.get(p).get("workplace");
                        if (w != null && !w.isNull()) {
                            counts.merge(w.asString(), 1, Integer::sum);
                        }
                    });
                }
            });
            String best = null;
            for (Map.Entry<String, Integer> e : counts.entrySet()) {   // ascending codes: first maximum wins ties
                if (best == null || e.getValue() > counts.get(best)) {
                    best = e.getKey();
                }
            }
            source.put(id, best);
        }
        long soft = 0;
        for (JsonNode t : teams.values()) {
            String id = t.get("id").asString();
            String target = t.get("targetRegion").asString();
            Set<String> targets = strings(t.get("targets"));
            Map<String, List<String>> byRole = seated.getOrDefault(id, Map.of());
            for (Map.Entry<String, JsonNode> role : t.get("roles").properties()) {
                int seats = role.getValue().asInt();
                List<String> list = byRole.getOrDefault(role.getKey(), List.of());
                hard += seats - list.size();
                for (String who : list) {
                    JsonNode p = people.get(who);
                    boolean bad = !p.path("available").asBoolean(true)
                            || role.getKey().equals("LEADER") && !p.path("canLead").asBoolean(false)
                            || !strings(p.get("relativesIn")).stream().noneMatch(targets::contains)
                            || !strings(p.get("worksAt")).stream().noneMatch(targets::contains)
                            || !strings(p.get("postedAt")).stream().noneMatch(targets::contains)
                            || timesSeated.get(who) > 1;
                    if (local(localLiaison, role.getKey())) {
                        bad |= !touch(text(p, "workplace"), target);
                    } else {
                        bad |= avoid.contains("RESIDENCE") && touch(text(p, "residence"), target)
                                || avoid.contains("WORKPLACE") && touch(text(p, "workplace"), target)
                                || avoid.contains("HOMETOWN") && touch(text(p, "hometown"), target)
                                || avoid.contains("POSTING") && strings(p.get("postings")).stream().anyMatch(x -> touch(x, target))
                                || pushMill && !text(p, "workplace").equals(source.get(id));
                    }
                    if (bad) {
                        hard++;
                    }
                    if (strings(p.get("previousTargets")).stream().anyMatch(targets::contains)) {
                        soft++;
                    }
                }
            }
            if (t.has("skills")) {
                for (Map.Entry<String, JsonNode> need : t.get("skills").properties()) {
                    long have = byRole.values().stream().flatMap(List::stream)
                            .filter(p -> strings(people.get(p).get("skills")).contains(need.getKey())).count();
                    soft += Math.max(0, need.getValue().asInt() - have);
                }
            }
        }
        if (pushMill) {
            for (JsonNode t : teams.values()) {
                String id = t.get("id").asString();
                String from = source.get(id);
                String to = t.get("targetRegion").asString();
                if (from == null) {
                    continue;
                }
                boolean broken = from.equals(to);
                boolean toSends = false;
                boolean fromReceives = false;
                for (JsonNode o : teams.values()) {
                    String oid = o.get("id").asString();
                    if (oid.equals(id)) {
                        continue;
                    }
                    String oFrom = source.get(oid);
                    String oTo = o.get("targetRegion").asString();
                    broken |= from.equals(oFrom) && !to.equals(oTo);
                    broken |= to.equals(oTo) && oFrom != null && !from.equals(oFrom);
                    toSends |= to.equals(oFrom);
                    fromReceives |= from.equals(oTo);
                }
                if (broken || !toSends || !fromReceives) {
                    hard++;
                    problems.add("push-mill permutation broken by " + id);
                }
            }
        }
        JsonNode score = plan.get("score");
        return new Result(hard, soft, score.get("hard").asLong(), score.get("soft").asLong(), problems);
    }

    /** Points explained by {@code unmet}: hard entries one each, SKILL entries their number of people, others one. */
    public static long[] explainedPoints(String planJson) {
        long hard = 0;
        long soft = 0;
        for (JsonNode u : JSON.readTree(planJson).get("unmet")) {
            String constraint = u.get("constraint").asString();
            if (constraint.equals("SKILL")) {
                String m = u.get("message").asString();
                soft += Long.parseLong(m.replaceAll(".*组员 (\\d+) 人.*", "$1"));
            } else if (constraint.equals("PREVIOUS_TARGET")) {
                soft++;
            } else {
                hard++;
            }
        }
        return new long[] {hard, soft};
    }

    private static boolean local(boolean localLiaison, String role) {
        return localLiaison && (role.equals("DEPUTY") || role.equals("LIAISON"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asString();
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> set = new HashSet<>();
        if (array != null) {
            array.forEach(n -> set.add(n.asString()));
        }
        return set;
    }

    /** Same six digits, or one code is a city/province (trailing 00 pairs) that contains the other. */
    static boolean touch(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        String pa = a.replaceAll("(00)+$", "");
        String pb = b.replaceAll("(00)+$", "");
        return pa.startsWith(pb) || pb.startsWith(pa);
    }
}
