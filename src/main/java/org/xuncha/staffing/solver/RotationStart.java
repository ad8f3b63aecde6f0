package org.xuncha.staffing.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A starting point for push-mill rotation: source counties for the teams that form a permutation without fixed
 * points and, as far as a few thousand swaps find, leave each source county enough eligible inspectors for the
 * teams it sends. The solver starts from it and is free to change it; without it local search has to move a
 * whole team's seats together with the team's source county, which it rarely does.
 */
final class RotationStart {

    private RotationStart() {
    }

    static void apply(StaffingSolution solution, long seed) {
        List<Team> teams = solution.getTeams().stream().filter(t -> t.getPolicy().pushMill()).toList();
        if (teams.isEmpty()) {
            return;
        }
        List<String> counties = teams.stream().map(Team::getTargetRegion).distinct().sorted().toList();
        int n = counties.size();
        if (n < 2) {
            return;
        }
        // demand[t]: non-local seats of teams inspecting county t; capacity[s][t]: inspectors of s eligible there
        int[] demand = new int[n];
        int[][] capacity = new int[n][n];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(counties.get(i), i);
        }
        Map<Team, Seat> anyNonLocalSeat = new HashMap<>();
        for (Seat seat : solution.getSeats()) {
            if (seat.getTeam().getPolicy().pushMill() && !seat.isLocal()) {
                demand[index.get(seat.getTeam().getTargetRegion())]++;
                if (seat.getRole() != Role.LEADER) {
                    anyNonLocalSeat.putIfAbsent(seat.getTeam(), seat);
                }
            }
        }
        for (Team team : teams.stream().collect(java.util.stream.Collectors.toMap(Team::getTargetRegion, x -> x, (x, y) -> x)).values()) {
            Seat probe = anyNonLocalSeat.get(team);
            int t = index.get(team.getTargetRegion());
            if (probe == null) {
                continue;
            }
            for (Inspector inspector : solution.getInspectors()) {
                Integer s = index.get(inspector.workplace());
                if (s != null && s != t && inspector.available() && !SeatRule.AVOIDANCE.breaks(probe, inspector)
                        && !SeatRule.RELATIVE.breaks(probe, inspector)) {
                    capacity[s][t]++;
                }
            }
        }
        // sourceOf[t] = s; start with the shift t ← t+1, then swap sources between targets while the deficit drops
        int[] sourceOf = new int[n];
        for (int t = 0; t < n; t++) {
            sourceOf[t] = (t + 1) % n;
        }
        Random random = new Random(seed);
        long deficit = deficit(sourceOf, demand, capacity);
        for (int step = 0; step < 20_000 && deficit > 0; step++) {
            int a = random.nextInt(n);
            int b = random.nextInt(n);
            if (a == b || sourceOf[b] == a || sourceOf[a] == b) {
                continue;
            }
            int tmp = sourceOf[a];
            sourceOf[a] = sourceOf[b];
            sourceOf[b] = tmp;
            long d = deficit(sourceOf, demand, capacity);
            if (d <= deficit) {
                deficit = d;
            } else {
                sourceOf[b] = sourceOf[a];
                sourceOf[a] = tmp;
            }
        }
        List<String> chosen = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            chosen.add(counties.get(sourceOf[t]));
        }
        for (Team team : teams) {
            team.setSourceCounty(chosen.get(index.get(team.getTargetRegion())));
        }
    }

    private static long deficit(int[] sourceOf, int[] demand, int[][] capacity) {
        long d = 0;
        for (int t = 0; t < sourceOf.length; t++) {
            d += Math.max(0, demand[t] - capacity[sourceOf[t]][t]);
        }
        return d;
    }
}
