package org.xuncha.staffing.solver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Push-mill rotation over all teams: the map source county → target county must be a permutation without
 * fixed points. A team breaks it (one hard point) when its source county is its own target, when its source
 * county also sends a team to another county, when its target county also receives a team from another county,
 * when no team is sent from its target county, or when no team goes to its source county. A team without a
 * source county (no seat filled) is counted by its empty seats only.
 */
public final class PushMill {

    private PushMill() {
    }

    /**
     * The teams that break the permutation, the same as those {@link #reason} names, in one pass over the teams
     * instead of one per team: the score recomputes this on every move of a push-mill round (456 teams in a
     * province), and the pairwise form spent the solver's time there.
     */
    public static List<Team> violating(Collection<Team> teams) {
        java.util.Map<String, java.util.Set<String>> targetsBySource = new java.util.HashMap<>();
        java.util.Map<String, java.util.Set<String>> sourcesByTarget = new java.util.HashMap<>();
        java.util.Set<String> targets = new java.util.HashSet<>();
        for (Team o : teams) {
            targets.add(o.getTargetRegion());
            if (o.getSourceCounty() != null) {
                targetsBySource.computeIfAbsent(o.getSourceCounty(), k -> new java.util.HashSet<>()).add(o.getTargetRegion());
                sourcesByTarget.computeIfAbsent(o.getTargetRegion(), k -> new java.util.HashSet<>()).add(o.getSourceCounty());
            }
        }
        List<Team> result = new ArrayList<>();
        for (Team t : teams) {
            String source = t.getSourceCounty();
            if (source == null) {
                continue;
            }
            String target = t.getTargetRegion();
            // t's own pair is in both sets, so a second element is another team's conflicting pair
            boolean broken = source.equals(target)
                    || targetsBySource.get(source).size() > 1
                    || sourcesByTarget.get(target).size() > 1
                    || !targetsBySource.containsKey(target)
                    || !targets.contains(source);
            if (broken) {
                result.add(t);
            }
        }
        return result;
    }

    public static boolean breaks(Team t, Collection<Team> teams) {
        return reason(t, teams) != null;
    }

    /** Why {@code t} breaks the permutation, in Chinese, or null when it does not. */
    public static String reason(Team t, Collection<Team> teams) {
        String source = t.getSourceCounty();
        if (source == null) {
            return null;
        }
        String target = t.getTargetRegion();
        if (source.equals(target)) {
            return "派出县 " + source + " 与被巡察县相同";
        }
        boolean targetIsSource = false;
        boolean sourceIsTarget = false;
        for (Team o : teams) {
            if (o == t) {
                continue;
            }
            if (source.equals(o.getSourceCounty()) && !target.equals(o.getTargetRegion())) {
                return "派出县 " + source + " 同时派往 " + target + " 和 " + o.getTargetRegion();
            }
            if (target.equals(o.getTargetRegion()) && o.getSourceCounty() != null && !source.equals(o.getSourceCounty())) {
                return "被巡察县 " + target + " 同时接受 " + source + " 和 " + o.getSourceCounty() + " 派出的组";
            }
            targetIsSource |= target.equals(o.getSourceCounty());
            sourceIsTarget |= source.equals(o.getTargetRegion());
        }
        if (!targetIsSource) {
            return "被巡察县 " + target + " 没有派出任何组";
        }
        if (!sourceIsTarget) {
            return "派出县 " + source + " 没有被任何组巡察";
        }
        return null;
    }
}
