package org.xuncha.staffing.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A starting point for push-mill rotation. Under a permutation each source county staffs exactly one target
 * county: county S's available people fill the non-local seats of the teams inspecting T and, with local
 * liaison, the local seats of the teams inspecting S. Local search alone would have to move a whole team's seats
 * together with its source county, which it rarely does, so this start chooses the permutation itself:
 * <ol>
 *   <li>every pair (S, T) is seated as its own small problem ({@link PairSeating}), its cost the score's own count
 *       on those seats, skill needs priced per team and not per seat, given what the team's other seats bring in
 *       the current plan;</li>
 *   <li>the permutation without fixed points of least total pair cost is an assignment problem (Hungarian, the
 *       diagonal barred); the chosen pairs are then polished in turn given each other, and the rounds repeat with
 *       the new plan as context until none is better;</li>
 *   <li>local search over the permutation exchanges the sources of two target counties (with the pairs around
 *       them seated again), and, while the budget lasts, kicks of a few random exchanges followed by that descent
 *       (iterated local search).</li>
 * </ol>
 * The solver starts from the best plan and stays free to change all of it. On the hard generator's rounds the
 * start alone is usually perfect; docs/benchmarks.md has the figures.
 */
final class RotationStart {

    private RotationStart() {
    }

    /** Rounds of pair costs and permutation; the start stops earlier when a round brings nothing better. */
    static final int ROUNDS = 30;

    /** Rounds without a better plan before the start gives up. */
    static final int IDLE_ROUNDS = 3;

    /** Sources per target county kept after the first round (the cheapest by its pair costs). */
    static final int CANDIDATES = 12;

    /** For each target, the {@code k} sources of least cost; every pair when there are no more than k + 1 counties. */
    static boolean[][] candidates(long[][] cost, int k) {
        int n = cost.length;
        boolean[][] keep = new boolean[n][n];
        for (int t = 0; t < n; t++) {
            final int target = t;
            java.util.stream.IntStream.range(0, n).filter(s -> s != target).boxed()
                    .sorted(java.util.Comparator.comparingLong(s -> cost[s][target])).limit(k)
                    .forEach(s -> keep[s][target] = true);
        }
        return keep;
    }

    static void apply(StaffingSolution solution, long seed) {
        apply(solution, seed, java.time.Duration.ZERO);
    }

    /**
     * As {@link #apply(StaffingSolution, long)}, searching again from other random starts until the plan is
     * perfect or {@code budget} (wall time) is spent; at least one search runs.
     */
    static void apply(StaffingSolution solution, long seed, java.time.Duration budget) {
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
        Needs needs = new Needs(solution.getSkillNeeds());
        PairSeating[][] pairs = new PairSeating[n][n];
        for (int s = 0; s < n; s++) {
            for (int t = 0; t < n; t++) {
                if (s != t) {
                    // S's people staff T's non-local seats and the local seats of the teams inspecting S
                    List<Seat> seats = new ArrayList<>(seatsOf.get(t));
                    seats.addAll(localSeatsOf.get(s));
                    pairs[s][t] = new PairSeating(seats, seatsOf.get(t).size(), peopleOf.get(s), needs);
                }
            }
        }
        long deadline = System.nanoTime() + budget.toNanos();
        Plan best = null;
        // restarts from other random choices while the budget lasts: each ends in a local optimum of its own
        Random random = new Random(seed);
        for (int attempt = 0; best == null || (best.cost > 0 && System.nanoTime() < deadline); attempt++) {
            // the first search from the pair costs, then kicks: a few random exchanges of sources, and descent
            Plan found = best == null ? search(pairs, needs, n, random, deadline)
                    : best.kick(needs, random, 2 + random.nextInt(3)).improvePermutation(needs, random, deadline);
            if (best == null || found.cost <= best.cost) {
                best = found;
            }
        }
        for (Team team : teams) {
            team.setSourceCounty(counties.get(best.sourceOf[index.get(team.getTargetRegion())]));
        }
        // the seatings of the chosen pairs seat every person at most once (each county sends to one county only)
        for (int t = 0; t < n; t++) {
            PairSeating pair = pairs[best.sourceOf[t]][t];
            for (int i = 0; i < pair.seats.size(); i++) {
                int person = best.seating[t][i];
                if (person >= 0 && pair.seats.get(i).getInspector() == null) {
                    pair.seats.get(i).setInspector(pair.people.get(person));
                }
            }
        }
    }

    /** Rounds of pair costs, permutation and polish from one random start; the best plan they reach. */
    private static Plan search(PairSeating[][] pairs, Needs needs, int n, Random random, long deadline) {
        Plan best = null;
        Plan current = null;
        boolean[][] candidate = null;
        int idle = 0;
        for (int round = 0; round < ROUNDS && (best == null || best.cost > 0) && idle < IDLE_ROUNDS; round++) {
            long[][] cost = new long[n][n];
            int[][][] seating = new int[n][n][];
            for (int s = 0; s < n; s++) {
                for (int t = 0; t < n; t++) {
                    boolean considered = s != t && (candidate == null || candidate[s][t] || current.sourceOf[t] == s);
                    if (!considered) {
                        cost[s][t] = Long.MAX_VALUE / (4L * n);
                        continue;
                    }
                    // what the team's other seats bring, as the current plan has them (nothing in the first round)
                    int[] other = current == null ? new int[needs.size()] : current.otherThan(s, t);
                    int[] start = current != null && current.sourceOf[t] == s ? current.seating[t] : null;
                    PairSeating.Result r = pairs[s][t].solve(other, start, 4, random);
                    // after a round without progress, noise on the pair costs lets the permutation step elsewhere
                    cost[s][t] = r.cost() + (idle == 0 ? 0 : random.nextInt(1 + idle));
                    seating[s][t] = r.personOfSeat();
                }
            }
            if (candidate == null) {
                candidate = candidates(cost, CANDIDATES);
            }
            int[] sourceOf = permutation(cost);
            int[][] chosen = new int[n][];
            for (int t = 0; t < n; t++) {
                chosen[t] = seating[sourceOf[t]][t];
            }
            current = new Plan(pairs, sourceOf, chosen, needs);
            current.polish(needs, random);
            if (best == null || current.cost < best.cost) {
                best = current;
                idle = 0;
            } else {
                idle++;
                if (current.cost > best.cost) {
                    current = best;
                }
            }
        }
        return best.improvePermutation(needs, random, deadline);
    }

    /** The least-cost permutation without fixed points: an assignment of sources to targets, the diagonal barred. */
    static int[] permutation(long[][] cost) {
        int n = cost.length;
        int[] targetOfSource = hungarian(cost, n, n);
        int[] sourceOf = new int[n];
        for (int s = 0; s < n; s++) {
            sourceOf[targetOfSource[s]] = s;
        }
        return sourceOf;
    }

    /** A whole push-mill plan: the source of each target county and the seating of each chosen pair. */
    static final class Plan {
        final PairSeating[][] pairs;
        final int[] sourceOf;
        /** The target each county staffs: the inverse of {@link #sourceOf}. */
        final int[] targetOf;
        final int[][] seating;
        /** How many seated people meet each need. */
        final int[] have;
        long rules;
        long shortfall;
        long cost;

        Plan(PairSeating[][] pairs, int[] sourceOf, int[][] seating, Needs needs) {
            this.pairs = pairs;
            this.sourceOf = sourceOf;
            this.targetOf = new int[sourceOf.length];
            for (int t = 0; t < sourceOf.length; t++) {
                targetOf[sourceOf[t]] = t;
            }
            this.seating = seating;
            this.have = new int[needs.size()];
            for (int t = 0; t < sourceOf.length; t++) {
                PairSeating pair = pairs[sourceOf[t]][t];
                pair.addCoverage(seating[t], have, 1);
                rules += pair.ruleCost(seating[t]);
            }
            for (int k = 0; k < have.length; k++) {
                shortfall += needs.shortfall(k, have[k]);
            }
            cost = rules + shortfall;
        }

        /** Seats target t's pair as {@code next}, keeping the counts and the cost exact. */
        void reseat(int t, int[] next, Needs needs) {
            PairSeating pair = pairs[sourceOf[t]][t];
            for (int k : pair.pairNeeds) {
                shortfall -= needs.shortfall(k, have[k]);
            }
            pair.addCoverage(seating[t], have, -1);
            pair.addCoverage(next, have, 1);
            for (int k : pair.pairNeeds) {
                shortfall += needs.shortfall(k, have[k]);
            }
            rules += pair.ruleCost(next) - pair.ruleCost(seating[t]);
            seating[t] = next;
            cost = rules + shortfall;
        }

        /**
         * What the seats outside pair (s, t) bring to each need in this plan. The pair's seats are T's non-local
         * seats, held in this plan by the pair chosen for T at the same positions, and S's local seats, held by the
         * pair (S, targetOf[S]) after its own non-local seats; both of S's pairs list S's people in one order.
         */
        int[] otherThan(int s, int t) {
            int[] other = have.clone();
            PairSeating pair = pairs[s][t];
            PairSeating forT = pairs[sourceOf[t]][t];
            PairSeating ofS = pairs[s][targetOf[s]];
            for (int i = 0; i < pair.seats.size(); i++) {
                PairSeating holder;
                int person;
                if (i < pair.nonLocal) {
                    holder = forT;
                    person = seating[t][i];
                } else {
                    holder = ofS;
                    person = seating[targetOf[s]][ofS.nonLocal + (i - pair.nonLocal)];
                }
                if (person >= 0) {
                    for (int k : pair.seatNeeds[i]) {
                        if (holder.meets(person, k)) {
                            other[k]--;
                        }
                    }
                }
            }
            return other;
        }

        /**
         * Coordinate descent with the permutation fixed: each chosen pair seated again given the others, until a
         * sweep changes nothing. Each step keeps the others as they are, so the plan's cost never rises.
         */
        void polish(Needs needs, Random random) {
            polish(needs, random, java.util.stream.IntStream.range(0, sourceOf.length).toArray());
        }

        /** {@link #polish(Needs, Random)} over the pairs chosen for {@code targets} only. */
        void polish(Needs needs, Random random, int[] targets) {
            boolean improved = true;
            for (int sweep = 0; sweep < 10 && improved && cost > 0; sweep++) {
                improved = false;
                for (int t : targets) {
                    PairSeating pair = pairs[sourceOf[t]][t];
                    PairSeating.Result r = pair.solve(otherThan(sourceOf[t], t), seating[t], 8, random);
                    long before = cost;
                    int[] old = seating[t];
                    reseat(t, r.personOfSeat(), needs);
                    if (cost < before) {
                        improved = true;
                    } else if (cost > before) {
                        reseat(t, old, needs);
                    }
                }
            }
        }

        /**
         * Local search over the permutation: two target counties exchange their source counties, the two pairs
         * this makes are seated given the rest, and the pairs whose teams they share are polished; the exchange is
         * kept when the plan gets cheaper. The pair costs that chose the permutation see one pair at a time, so a
         * permutation can be a local optimum of theirs and still not of the plan.
         */
        Plan improvePermutation(Needs needs, Random random, long deadline) {
            Plan plan = this;
            int n = sourceOf.length;
            List<int[]> moves = new ArrayList<>();
            for (int t1 = 0; t1 < n; t1++) {
                for (int t2 = t1 + 1; t2 < n; t2++) {
                    moves.add(new int[] {t1, t2});
                }
            }
            boolean improved = true;
            for (int pass = 0; pass < 4 && improved && plan.cost > 0; pass++) {
                improved = false;
                java.util.Collections.shuffle(moves, random);
                for (int[] move : moves) {
                    int t1 = move[0];
                    int t2 = move[1];
                    int s1 = plan.sourceOf[t1];
                    int s2 = plan.sourceOf[t2];
                    if (System.nanoTime() - deadline > 0) {
                        return plan;
                    }
                    if (s2 == t1 || s1 == t2) {
                        continue;
                    }
                    Plan next = plan.exchange(t1, t2, needs, random);
                    if (next.cost < plan.cost) {
                        plan = next;
                        improved = true;
                        if (plan.cost == 0) {
                            return plan;
                        }
                    }
                }
            }
            return plan;
        }

        /** This plan after {@code moves} random exchanges of sources, each seated and polished, better or not. */
        Plan kick(Needs needs, Random random, int moves) {
            Plan plan = this;
            int n = sourceOf.length;
            for (int tries = 0; moves > 0 && tries < 100 * moves; tries++) {
                int t1 = random.nextInt(n);
                int t2 = random.nextInt(n);
                int s1 = plan.sourceOf[t1];
                int s2 = plan.sourceOf[t2];
                if (t1 != t2 && s2 != t1 && s1 != t2) {
                    plan = plan.exchange(t1, t2, needs, random);
                    moves--;
                }
            }
            return plan;
        }

        /** This plan with targets t1 and t2 staffed by each other's source, seated and polished around them. */
        private Plan exchange(int t1, int t2, Needs needs, Random random) {
            int s1 = sourceOf[t1];
            int s2 = sourceOf[t2];
            int[] nextSource = sourceOf.clone();
            nextSource[t1] = s2;
            nextSource[t2] = s1;
            int[][] nextSeating = seating.clone();
            nextSeating[t1] = pairs[s2][t1].solve(otherThan(s2, t1), null, 4, random).personOfSeat();
            nextSeating[t2] = pairs[s1][t2].solve(otherThan(s1, t2), null, 4, random).personOfSeat();
            Plan next = new Plan(pairs, nextSource, nextSeating, needs);
            // the pairs holding the other seats of the teams these two pairs staff
            int[] inverse = new int[nextSource.length];
            for (int t = 0; t < nextSource.length; t++) {
                inverse[nextSource[t]] = t;
            }
            int[] around = java.util.stream.IntStream.of(t1, t2, inverse[t1], inverse[t2], s1, s2).distinct().toArray();
            next.polish(needs, random, around);
            return next;
        }
    }

    /** A seat's cost when nobody who fits can take it: above any sum of soft points of one pair. */
    static final int UNFILLED = 10_000;

    /** A person the seat's rules exclude. */
    static final int FORBIDDEN = UNFILLED * 4;

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
     * A least-cost assignment of the n rows to distinct columns of {@code a} (n &lt;= m), by the Hungarian method
     * with potentials (e-maxx): the column of each row.
     */
    static int[] hungarian(long[][] a, int n, int m) {
        long[] u = new long[n + 1];
        long[] v = new long[m + 1];
        int[] match = new int[m + 1];
        int[] way = new int[m + 1];
        long[] minv = new long[m + 1];
        boolean[] used = new boolean[m + 1];
        for (int i = 1; i <= n; i++) {
            match[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Long.MAX_VALUE);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = match[j0];
                long delta = Long.MAX_VALUE;
                int j1 = 0;
                long[] row = a[i0 - 1];
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        long cur = row[j - 1] - u[i0] - v[j];
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
        int[] col = new int[n];
        for (int j = 1; j <= m; j++) {
            if (match[j] != 0) {
                col[match[j] - 1] = j - 1;
            }
        }
        return col;
    }
}
