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
 * This computes the unmatched seats for every pair (S, T), then looks, by swaps with restarts, for a
 * permutation without fixed points that leaves the fewest seats unmatched, and sets it as the teams' source
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
        int[][] cost = new int[n][n];
        for (int s = 0; s < n; s++) {
            for (int t = 0; t < n; t++) {
                if (s == t) {
                    cost[s][t] = Integer.MAX_VALUE / (4 * n);
                } else {
                    // S's people staff T's non-local seats and the local seats of the teams inspecting S
                    List<Seat> seats = new ArrayList<>(seatsOf.get(t));
                    seats.addAll(localSeatsOf.get(s));
                    cost[s][t] = unmatched(seats, peopleOf.get(s));
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
            // prefer a matching without previous targets (soft points) when it seats as many
            int[] personOfSeat = match(seats, peopleOf.get(s), true);
            if (Arrays.stream(personOfSeat).filter(p -> p < 0).count() > cost[s][t]) {
                personOfSeat = match(seats, peopleOf.get(s), false);
            }
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

    /** Seats left over by a maximum matching of people to seats. */
    private static int unmatched(List<Seat> seats, List<Inspector> people) {
        int left = 0;
        for (int p : match(seats, people, false)) {
            if (p < 0) {
                left++;
            }
        }
        return left;
    }

    /** A maximum matching of people to seats (Kuhn's augmenting paths): the person of each seat, or -1. */
    private static int[] match(List<Seat> seats, List<Inspector> people, boolean noPreviousTargets) {
        int[] personOfSeat = new int[seats.size()];
        int[] seatOfPerson = new int[people.size()];
        Arrays.fill(personOfSeat, -1);
        Arrays.fill(seatOfPerson, -1);
        boolean[][] fits = new boolean[seats.size()][people.size()];
        for (int i = 0; i < seats.size(); i++) {
            for (int j = 0; j < people.size(); j++) {
                Seat seat = seats.get(i);
                Inspector p = people.get(j);
                fits[i][j] = !SeatRule.CAN_LEAD.breaks(seat, p) && !SeatRule.LOCAL_LIAISON.breaks(seat, p)
                        && !SeatRule.AVOIDANCE.breaks(seat, p) && !SeatRule.RELATIVE.breaks(seat, p)
                        && !(noPreviousTargets && SeatRule.intersects(p.previousTargets(), seat.getTeam().getTargets()));
            }
        }
        for (int i = 0; i < seats.size(); i++) {
            augment(i, fits, seatOfPerson, personOfSeat, new boolean[people.size()]);
        }
        return personOfSeat;
    }

    private static boolean augment(int seat, boolean[][] fits, int[] seatOfPerson, int[] personOfSeat, boolean[] seen) {
        for (int p = 0; p < seatOfPerson.length; p++) {
            if (fits[seat][p] && !seen[p]) {
                seen[p] = true;
                if (seatOfPerson[p] < 0 || augment(seatOfPerson[p], fits, seatOfPerson, personOfSeat, seen)) {
                    seatOfPerson[p] = seat;
                    personOfSeat[seat] = p;
                    return true;
                }
            }
        }
        return false;
    }
}
