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

    public static List<Team> violating(Collection<Team> teams) {
        List<Team> result = new ArrayList<>();
        for (Team t : teams) {
            if (breaks(t, teams)) {
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
