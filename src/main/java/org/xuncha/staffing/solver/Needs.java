package org.xuncha.staffing.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The round's skill needs, numbered, with each skill as one bit so that "does this person meet need k" is one
 * AND in the push-mill start's inner loops. More than 64 distinct skills share bits (the check then errs towards
 * yes, and the score, which the solver computes from the names, corrects it).
 */
final class Needs {

    private final List<SkillNeed> needs;
    private final Map<String, Integer> skillNumber = new HashMap<>();
    private final Map<String, int[]> byTeam = new HashMap<>();
    private final long[] needBit;

    Needs(List<SkillNeed> needs) {
        this.needs = needs;
        this.needBit = new long[needs.size()];
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int k = 0; k < needs.size(); k++) {
            SkillNeed need = needs.get(k);
            needBit[k] = 1L << (number(need.skill()) % 64);
            lists.computeIfAbsent(need.teamId(), x -> new ArrayList<>()).add(k);
        }
        lists.forEach((team, ks) -> byTeam.put(team, ks.stream().mapToInt(Integer::intValue).toArray()));
    }

    private int number(String skill) {
        return skillNumber.computeIfAbsent(skill, s -> skillNumber.size());
    }

    int size() {
        return needs.size();
    }

    int count(int k) {
        return needs.get(k).count();
    }

    long bit(int k) {
        return needBit[k];
    }

    /** The person's skills that some need asks for, as bits. */
    long bits(Inspector person) {
        long bits = 0;
        for (String skill : person.skills()) {
            Integer n = skillNumber.get(skill);
            if (n != null) {
                bits |= 1L << (n % 64);
            }
        }
        return bits;
    }

    private static final int[] NONE = new int[0];

    int[] ofTeam(String teamId) {
        return byTeam.getOrDefault(teamId, NONE);
    }

    /** Units still missing when need k is met {@code have} times. */
    int shortfall(int k, int have) {
        return Math.max(0, needs.get(k).count() - have);
    }
}
