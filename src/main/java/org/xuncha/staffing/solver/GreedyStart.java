package org.xuncha.staffing.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A starting point for teams without rotation: seats filled one by one — leader seats first, then seats with a
 * skill slot, then the rest — each with the free inspector who breaks no rule of the seat and costs least
 * (lacking the slot's skill, a previous target), keeping people who can lead or have skills for the seats that
 * need them. Timefold's construction heuristic would try every inspector in every seat (2,280 × 2,622 on the
 * province instance, seconds); this takes a fraction of a second and leaves local search to repair what it missed.
 */
final class GreedyStart {

    private GreedyStart() {
    }

    static void apply(StaffingSolution solution) {
        Set<Inspector> taken = new HashSet<>();
        for (Seat seat : solution.getSeats()) {
            if (seat.getInspector() != null) {
                taken.add(seat.getInspector());
            }
        }
        Map<Seat, String> slots = RotationStart.skillSlots(solution);
        List<Seat> open = new ArrayList<>();
        for (Seat seat : solution.getSeats()) {
            if (seat.getInspector() == null && !seat.isPinned() && !seat.getTeam().getPolicy().pushMill()) {
                open.add(seat);
            }
        }
        open.sort(Comparator.comparingInt((Seat s) -> s.getRole() == Role.LEADER ? 0 : slots.containsKey(s) ? 1 : 2));
        List<Inspector> pool = solution.getInspectors().stream().filter(Inspector::available).toList();
        for (Seat seat : open) {
            String skill = slots.get(seat);
            Inspector best = null;
            int bestCost = Integer.MAX_VALUE;
            for (Inspector p : pool) {
                if (taken.contains(p) || SeatRule.CAN_LEAD.breaks(seat, p) || SeatRule.LOCAL_LIAISON.breaks(seat, p)
                        || SeatRule.AVOIDANCE.breaks(seat, p) || SeatRule.RELATIVE.breaks(seat, p)
                        || SeatRule.ORGANIZATION.breaks(seat, p)) {
                    continue;
                }
                int cost = 8 * ((skill != null && !p.skills().contains(skill) ? 1 : 0)
                        + (SeatRule.intersects(p.previousTargets(), seat.getTeam().getTargets()) ? 1 : 0))
                        // spare what others need: leaders for leader seats, skilled people for skill slots
                        + (seat.getRole() != Role.LEADER && p.canLead() ? 2 : 0)
                        + (skill == null ? Math.min(p.skills().size(), 2) : 0);
                if (cost < bestCost) {
                    bestCost = cost;
                    best = p;
                    if (cost == 0) {
                        break;
                    }
                }
            }
            if (best != null) {
                seat.setInspector(best);
                taken.add(best);
            }
        }
    }
}
