package org.xuncha.staffing.solver;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One county pair of a push-mill round, as its own small problem: county S's available people into the
 * non-local seats of the teams inspecting T and the local seats of the teams inspecting S. Its cost is the score's
 * own count restricted to those seats — {@link RotationStart#UNFILLED} per empty seat, one per previous target,
 * one per unit of a skill need the team still lacks — where the need counts what the team's other seats (staffed
 * by other pairs) already bring ({@code other}). Skill needs are priced per (team, skill), never pinned to a seat:
 * any seat of the team may bring them.
 *
 * <p>Solved by a least-cost assignment (Hungarian) as a start, then descent over "seat takes a free person" and
 * "two seats swap people" with exact deltas, and a few random kicks (iterated local search).
 */
final class PairSeating {

    final List<Seat> seats;
    final List<Inspector> people;
    /** Rule cost of person j in seat i: {@link RotationStart#FORBIDDEN}, or 1 for a previous target, else 0. */
    final int[][] rule;
    /** Needs (indices into {@link Needs}) of each seat's team. */
    final int[][] seatNeeds;
    /** The distinct needs of the teams these seats belong to. */
    final int[] pairNeeds;
    /** Skills of each person as a bit set over {@link Needs}' skill numbers. */
    private final long[] skillBits;
    private final Needs needs;

    /** Seats before this index are the target's non-local seats, the rest the source's local seats. */
    final int nonLocal;

    PairSeating(List<Seat> seats, List<Inspector> people, Needs needs) {
        this(seats, seats.size(), people, needs);
    }

    PairSeating(List<Seat> seats, int nonLocal, List<Inspector> people, Needs needs) {
        this.seats = seats;
        this.nonLocal = nonLocal;
        this.people = people;
        this.needs = needs;
        this.rule = new int[seats.size()][people.size()];
        this.seatNeeds = new int[seats.size()][];
        this.skillBits = new long[people.size()];
        for (int j = 0; j < people.size(); j++) {
            skillBits[j] = needs.bits(people.get(j));
        }
        java.util.LinkedHashSet<Integer> distinct = new java.util.LinkedHashSet<>();
        for (int i = 0; i < seats.size(); i++) {
            Seat seat = seats.get(i);
            seatNeeds[i] = needs.ofTeam(seat.getTeam().getId());
            for (int k : seatNeeds[i]) {
                distinct.add(k);
            }
            for (int j = 0; j < people.size(); j++) {
                Inspector p = people.get(j);
                boolean fits = !SeatRule.CAN_LEAD.breaks(seat, p) && !SeatRule.LOCAL_LIAISON.breaks(seat, p)
                        && !SeatRule.AVOIDANCE.breaks(seat, p) && !SeatRule.RELATIVE.breaks(seat, p)
                        && !SeatRule.ORGANIZATION.breaks(seat, p);
                rule[i][j] = !fits ? RotationStart.FORBIDDEN
                        : SeatRule.intersects(p.previousTargets(), seat.getTeam().getTargets()) ? 1 : 0;
            }
        }
        this.pairNeeds = distinct.stream().mapToInt(Integer::intValue).toArray();
    }

    record Result(long cost, int[] personOfSeat) {
    }

    /**
     * The best seating found, given what other seats bring to each need ({@code other}, indexed like
     * {@link Needs}), starting from {@code start} when given (a seating of these seats, -1 for empty).
     */
    Result solve(int[] other, int[] start, int kicks, Random random) {
        int n = seats.size();
        int m = people.size();
        if (n == 0) {
            return new Result(0, new int[0]);
        }
        State state = new State(other);
        int[] initial = start != null ? start : hungarianStart();
        for (int i = 0; i < n; i++) {
            if (initial[i] >= 0 && rule[i][initial[i]] < RotationStart.FORBIDDEN) {
                state.place(i, initial[i]);
            }
        }
        state.descend();
        long bestCost = state.combined();
        int[] best = state.seat.clone();
        for (int kick = 0; kick < kicks && state.cost() > 0; kick++) {
            int moves = 2 + random.nextInt(3);
            for (int k = 0; k < moves; k++) {
                int i = random.nextInt(n);
                if (random.nextBoolean()) {
                    int i2 = random.nextInt(n);
                    if (i2 != i && state.swapAllowed(i, i2)) {
                        state.swap(i, i2);
                    }
                } else {
                    int j = random.nextInt(m + 1) - 1;
                    if (j < 0 || (!state.used[j] && rule[i][j] < RotationStart.FORBIDDEN)) {
                        state.replace(i, j);
                    }
                }
            }
            state.descend();
            long combined = state.combined();
            if (combined <= bestCost) {
                bestCost = combined;
                best = state.seat.clone();
            } else {
                state.reset(best);
            }
        }
        state.reset(best);
        return new Result(state.cost(), best);
    }

    /** Hungarian start: rule points, minus a point per need of the team the person meets, an empty seat last. */
    private int[] hungarianStart() {
        int n = seats.size();
        int m = people.size() + n;
        long[][] a = new long[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < people.size(); j++) {
                if (rule[i][j] >= RotationStart.FORBIDDEN) {
                    a[i][j] = (long) RotationStart.FORBIDDEN * 4;
                    continue;
                }
                long c = 4L * rule[i][j];
                for (int k : seatNeeds[i]) {
                    if (meets(j, k)) {
                        c -= 3;
                    }
                }
                a[i][j] = c;
            }
            for (int j = people.size(); j < m; j++) {
                a[i][j] = (long) RotationStart.UNFILLED * 4;
            }
        }
        int[] col = RotationStart.hungarian(a, n, m);
        int[] seat = new int[n];
        for (int i = 0; i < n; i++) {
            seat[i] = col[i] < people.size() && rule[i][col[i]] < RotationStart.FORBIDDEN ? col[i] : -1;
        }
        return seat;
    }

    /** Adds {@code sign} for every need a person of {@code seating} meets to {@code have} (indexed like {@link Needs}). */
    void addCoverage(int[] seating, int[] have, int sign) {
        for (int i = 0; i < seats.size(); i++) {
            for (int k : seatNeeds[i]) {
                if (meets(seating[i], k)) {
                    have[k] += sign;
                }
            }
        }
    }

    /** Empty seats and previous targets of {@code seating}, in the score's points. */
    long ruleCost(int[] seating) {
        long sum = 0;
        for (int i = 0; i < seats.size(); i++) {
            int j = seating[i];
            sum += j < 0 || rule[i][j] >= RotationStart.FORBIDDEN ? RotationStart.UNFILLED : rule[i][j];
        }
        return sum;
    }

    /** Coverage of each need by person j in seat i (0 or 1 per need of the seat's team). */
    boolean meets(int j, int k) {
        return j >= 0 && (skillBits[j] & needs.bit(k)) != 0;
    }

    /** A seating in progress with its cost kept exact. */
    private final class State {
        final int[] seat;
        final boolean[] used;
        final int[] other;
        final int[] mine;
        long ruleCost;
        long shortfallTotal;
        long bonusTotal;
        final long weight;

        State(int[] other) {
            this.seat = new int[seats.size()];
            Arrays.fill(seat, -1);
            this.used = new boolean[people.size()];
            this.other = other;
            this.mine = new int[needs.size()];
            this.ruleCost = (long) RotationStart.UNFILLED * seats.size();
            long units = 0;
            for (int k : pairNeeds) {
                shortfallTotal += Math.max(0, needs.count(k) - other[k]);
                units += needs.count(k);
            }
            this.weight = units + 1;
        }

        long cost() {
            return ruleCost + shortfallTotal;
        }

        /**
         * The cost, then (as a tie-break worth less than one point) as many units of the teams' needs met here as
         * possible even where other seats meet them too: such slack lets the pairs next to this one free a person
         * in their own turn, which is how a shortfall that needs two pairs to move at once gets repaired.
         */
        long combined() {
            return weight * cost() - bonusTotal;
        }

        private long seatCost(int i, int j) {
            return j < 0 ? RotationStart.UNFILLED : rule[i][j];
        }

        private long shortfall(int k, int delta) {
            int before = Math.max(0, needs.count(k) - other[k] - mine[k]);
            int after = Math.max(0, needs.count(k) - other[k] - mine[k] - delta);
            return after - before;
        }

        void place(int i, int j) {
            replace(i, j);
        }

        void replace(int i, int j) {
            int old = seat[i];
            ruleCost += seatCost(i, j) - seatCost(i, old);
            for (int k : seatNeeds[i]) {
                int change = (meets(j, k) ? 1 : 0) - (meets(old, k) ? 1 : 0);
                if (change != 0) {
                    shortfallTotal += shortfall(k, change);
                    bonusTotal += Math.min(mine[k] + change, needs.count(k)) - Math.min(mine[k], needs.count(k));
                    mine[k] += change;
                }
            }
            if (old >= 0) {
                used[old] = false;
            }
            if (j >= 0) {
                used[j] = true;
            }
            seat[i] = j;
        }

        boolean swapAllowed(int i, int i2) {
            int a = seat[i];
            int b = seat[i2];
            return (b < 0 || rule[i][b] < RotationStart.FORBIDDEN) && (a < 0 || rule[i2][a] < RotationStart.FORBIDDEN);
        }

        void swap(int i, int i2) {
            int a = seat[i];
            int b = seat[i2];
            replace(i, -1);
            replace(i2, a);
            replace(i, b);
        }

        void reset(int[] to) {
            for (int i = 0; i < seat.length; i++) {
                replace(i, -1);
            }
            for (int i = 0; i < seat.length; i++) {
                if (to[i] >= 0) {
                    replace(i, to[i]);
                }
            }
        }

        /** Delta of seat i taking person j (free, or -1) instead of its current one. */
        private long replaceDelta(int i, int j) {
            int old = seat[i];
            long d = weight * (seatCost(i, j) - seatCost(i, old));
            for (int k : seatNeeds[i]) {
                int change = (meets(j, k) ? 1 : 0) - (meets(old, k) ? 1 : 0);
                if (change != 0) {
                    d += weight * shortfall(k, change)
                            - (Math.min(mine[k] + change, needs.count(k)) - Math.min(mine[k], needs.count(k)));
                }
            }
            return d;
        }

        /** Delta of seats i and i2 exchanging people, evaluated by doing and undoing it. */
        private long swapDelta(int i, int i2) {
            long before = combined();
            swap(i, i2);
            long after = combined();
            swap(i, i2);
            return after - before;
        }

        /** Best-improvement descent until no move improves. */
        void descend() {
            int n = seats.size();
            int m = people.size();
            boolean improved = true;
            while (improved) {
                improved = false;
                for (int i = 0; i < n; i++) {
                    long bestDelta = 0;
                    int bestJ = Integer.MIN_VALUE;
                    int bestSwap = -1;
                    for (int j = -1; j < m; j++) {
                        if (j == seat[i] || (j >= 0 && (used[j] || rule[i][j] >= RotationStart.FORBIDDEN))) {
                            continue;
                        }
                        long d = replaceDelta(i, j);
                        if (d < bestDelta) {
                            bestDelta = d;
                            bestJ = j;
                            bestSwap = -1;
                        }
                    }
                    for (int i2 = 0; i2 < n; i2++) {
                        if (i2 == i || seat[i] == seat[i2] || !swapAllowed(i, i2) || sameCosts(i, i2)) {
                            continue;
                        }
                        long d = swapDelta(i, i2);
                        if (d < bestDelta) {
                            bestDelta = d;
                            bestSwap = i2;
                            bestJ = Integer.MIN_VALUE;
                        }
                    }
                    if (bestSwap >= 0) {
                        swap(i, bestSwap);
                        improved = true;
                    } else if (bestJ != Integer.MIN_VALUE) {
                        replace(i, bestJ);
                        improved = true;
                    }
                }
            }
        }

        /** Two seats of the same team with the same rule costs for both people: swapping changes nothing. */
        private boolean sameCosts(int i, int i2) {
            if (seats.get(i).getTeam() != seats.get(i2).getTeam()) {
                return false;
            }
            int a = seat[i];
            int b = seat[i2];
            return seatCost(i, a) == seatCost(i2, a) && seatCost(i, b) == seatCost(i2, b);
        }
    }
}
