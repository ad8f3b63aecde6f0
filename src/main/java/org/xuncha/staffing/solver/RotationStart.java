package org.xuncha.staffing.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A starting point for push-mill rotation. Under a permutation each source county staffs exactly one target
 * county, so the non-local seats of target T can be filled from county S exactly when a bipartite matching of
 * S's inspectors to T's seats (available, can-lead for LEADER seats, avoidance, relatives) covers every seat;
 * with local liaison, S's inspectors also staff the local seats of the teams inspecting S, so those join the matching.
 * This computes, for every pair (S, T), a least-cost assignment of S's people to those seats (empty seats first,
 * then skill slots left unskilled and previous targets), then looks, by swaps with restarts, for a permutation
 * without fixed points of least total cost, and sets it as the teams' source
 * counties, and seats the people of each chosen matching. The solver starts from this and stays free to change
 * all of it: local search alone would have to move a
 * whole team's seats together with its source county, which it rarely does.
 */
final class RotationStart {

    private RotationStart() {
    }

    static void apply(StaffingSolution solution, long seed) {
        List<Team> teams = solution.getTeams().stream().filter(t -> t.getPolicy().pushMill()).toList();
        List<String> counties = teams.stream().map(Team::getTargetRegion).distinct().sorted().toList();
        int n = counties.size();
        if (n < 2) {
            return;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(counties.get(i), i);
        }
        List<List<Seat>> seatsOf = new ArrayList<>();
        List<List<Seat>> localSeatsOf = new ArrayList<>();
        List<List<Inspector>> peopleOf = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            seatsOf.add(new ArrayList<>());
            localSeatsOf.add(new ArrayList<>());
            peopleOf.add(new ArrayList<>());
        }
        for (Seat seat : solution.getSeats()) {
            if (seat.getTeam().getPolicy().pushMill()) {
                (seat.isLocal() ? localSeatsOf : seatsOf).get(index.get(seat.getTeam().getTargetRegion())).add(seat);
            }
        }
        for (Inspector inspector : solution.getInspectors()) {
            Integer s = index.get(inspector.workplace());
            if (s != null && inspector.available()) {
                peopleOf.get(s).add(inspector);
            }
        }
        Map<Seat, String> skillOf = skillSlots(solution);
        int[][] cost = new int[n][n];
        for (int s = 0; s < n; s++) {
            for (int t = 0; t < n; t++) {
                if (s == t) {
                    cost[s][t] = Integer.MAX_VALUE / (4 * n);
                } else {
                    // S's people staff T's non-local seats and the local seats of the teams inspecting S
                    List<Seat> seats = new ArrayList<>(seatsOf.get(t));
                    seats.addAll(localSeatsOf.get(s));
                    cost[s][t] = assign(seats, peopleOf.get(s), skillOf).cost();
                }
            }
        }
        Random random = new Random(seed);
        int[] best = null;
        long bestCost = Long.MAX_VALUE;
        for (int restart = 0; restart < 20 && bestCost > 0; restart++) {
            int[] sourceOf = derangement(random, n);
            long current = total(sourceOf, cost);
            for (int step = 0; step < 20 * n * n && current > 0; step++) {
                int a = random.nextInt(n);
                int b = random.nextInt(n);
                if (a == b || sourceOf[b] == a || sourceOf[a] == b) {
                    continue;
                }
                long delta = (long) cost[sourceOf[b]][a] + cost[sourceOf[a]][b] - cost[sourceOf[a]][a] - cost[sourceOf[b]][b];
                if (delta <= 0) {
                    int tmp = sourceOf[a];
                    sourceOf[a] = sourceOf[b];
                    sourceOf[b] = tmp;
                    current += delta;
                }
            }
            if (current < bestCost) {
                bestCost = current;
                best = sourceOf.clone();
            }
        }
        for (Team team : teams) {
            team.setSourceCounty(counties.get(best[index.get(team.getTargetRegion())]));
        }
        // the matchings of the chosen pairs seat every person at most once (each county sends to one county only)
        for (int t = 0; t < n; t++) {
            int s = best[t];
            List<Seat> seats = new ArrayList<>(seatsOf.get(t));
            seats.addAll(localSeatsOf.get(s));
            int[] personOfSeat = assign(seats, peopleOf.get(s), skillOf).personOfSeat();
            for (int i = 0; i < seats.size(); i++) {
                if (personOfSeat[i] >= 0 && seats.get(i).getInspector() == null) {
                    seats.get(i).setInspector(peopleOf.get(s).get(personOfSeat[i]));
                }
            }
        }
    }

    private static long total(int[] sourceOf, int[][] cost) {
        long sum = 0;
        for (int t = 0; t < sourceOf.length; t++) {
            sum += cost[sourceOf[t]][t];
        }
        return sum;
    }

    private static int[] derangement(Random random, int n) {
        int[] p = new int[n];
        while (true) {
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = p[i];
                p[i] = p[j];
                p[j] = tmp;
            }
            boolean fixed = false;
            for (int i = 0; i < n; i++) {
                fixed |= p[i] == i;
            }
            if (!fixed) {
                return p;
            }
        }
    }

    /** A seat's cost when nobody who fits can take it: above any sum of soft points of one pair. */
    static final int UNFILLED = 10_000;

    record Assignment(int cost, int[] personOfSeat) {
    }

    /**
     * Skill slots: each unit of a team's skill needs is given to one of its seats (members first, then liaison,
     * deputy, leader), so that the start can prefer a person with that skill there. A person's other skills still
     * count for the team in the score; the slots only guide the start.
     */
    static Map<Seat, String> skillSlots(StaffingSolution solution) {
        Map<Seat, String> slots = new HashMap<>();
        Map<String, List<Seat>> seatsOfTeam = new HashMap<>();
        for (Seat seat : solution.getSeats()) {
            seatsOfTeam.computeIfAbsent(seat.getTeam().getId(), k -> new ArrayList<>()).add(seat);
        }
        for (List<Seat> seats : seatsOfTeam.values()) {
            seats.sort(java.util.Comparator.comparingInt((Seat x) -> -x.getRole().ordinal()).thenComparingInt(Seat::getIndex));
        }
        Map<String, Integer> used = new HashMap<>();
        for (SkillNeed need : solution.getSkillNeeds()) {
            List<Seat> seats = seatsOfTeam.getOrDefault(need.teamId(), List.of());
            for (int k = 0; k < need.count(); k++) {
                int next = used.merge(need.teamId(), 1, Integer::sum) - 1;
                if (next < seats.size()) {
                    slots.put(seats.get(next), need.skill());
                }
            }
        }
        return slots;
    }

    /**
     * A least-cost assignment of people to seats (Hungarian method, rows = seats, columns = people plus one
     * "nobody" column per seat): a person who breaks a seat's rule cannot take it; otherwise one point for a
     * previous target of the team and one for lacking the seat's skill slot; a seat left to nobody costs
     * {@link #UNFILLED}. So the fewest empty seats come first, then the fewest soft points.
     */
    static Assignment assign(List<Seat> seats, List<Inspector> people, Map<Seat, String> skillOf) {
        int n = seats.size();
        int m = people.size() + n;
        if (n == 0) {
            return new Assignment(0, new int[0]);
        }
        int forbidden = UNFILLED * 4;
        int[][] a = new int[n + 1][m + 1];
        for (int i = 0; i < n; i++) {
            Seat seat = seats.get(i);
            String skill = skillOf.get(seat);
            for (int j = 0; j < people.size(); j++) {
                Inspector p = people.get(j);
                boolean fits = !SeatRule.CAN_LEAD.breaks(seat, p) && !SeatRule.LOCAL_LIAISON.breaks(seat, p)
                        && !SeatRule.AVOIDANCE.breaks(seat, p) && !SeatRule.RELATIVE.breaks(seat, p)
                        && !SeatRule.ORGANIZATION.breaks(seat, p);
                a[i + 1][j + 1] = !fits ? forbidden
                        : (SeatRule.intersects(p.previousTargets(), seat.getTeam().getTargets()) ? 1 : 0)
                        + (skill != null && !p.skills().contains(skill) ? 1 : 0);
            }
            for (int j = people.size(); j < m; j++) {
                a[i + 1][j + 1] = UNFILLED;
            }
        }
        // e-maxx Hungarian for n <= m: potentials u (rows), v (columns), way, column match p
        long[] u = new long[n + 1];
        long[] v = new long[m + 1];
        int[] match = new int[m + 1];
        int[] way = new int[m + 1];
        for (int i = 1; i <= n; i++) {
            match[0] = i;
            int j0 = 0;
            long[] minv = new long[m + 1];
            Arrays.fill(minv, Long.MAX_VALUE);
            boolean[] used = new boolean[m + 1];
            do {
                used[j0] = true;
                int i0 = match[j0];
                long delta = Long.MAX_VALUE;
                int j1 = 0;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        long cur = a[i0][j] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[match[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (match[j0] != 0);
            do {
                int j1 = way[j0];
                match[j0] = match[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] personOfSeat = new int[n];
        Arrays.fill(personOfSeat, -1);
        int cost = 0;
        for (int j = 1; j <= m; j++) {
            if (match[j] != 0) {
                int i = match[j] - 1;
                int c = a[i + 1][j];
                if (j <= people.size() && c < forbidden) {
                    personOfSeat[i] = j - 1;
                    cost += c;
                } else {
                    cost += UNFILLED;
                }
            }
        }
        return new Assignment(cost, personOfSeat);
    }
}
