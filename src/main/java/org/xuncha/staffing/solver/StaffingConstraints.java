package org.xuncha.staffing.solver;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.conditionally;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.countBi;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.toList;

import ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import ai.timefold.solver.core.api.score.stream.bi.BiConstraintStream;

/**
 * The contract's rules as named constraints. Hard: one point per unfilled seat, one per seat whose inspector
 * breaks a rule (counted once, by its first broken {@link SeatRule}, or as a duplicate when it breaks none of
 * those), one per team breaking the push-mill permutation. Soft: missing skilled members, previous targets.
 */
public class StaffingConstraints implements ConstraintProvider {

    public static final String UNFILLED = "UNFILLED";
    public static final String DUPLICATE = "DUPLICATE";
    public static final String PERMUTATION = "PUSH_MILL_PERMUTATION";
    public static final String SKILL = "SKILL";
    public static final String PREVIOUS_TARGET = "PREVIOUS_TARGET";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            unfilled(factory),
            unavailable(factory),
            canLead(factory),
            localLiaison(factory),
            avoidance(factory),
            relative(factory),
            organization(factory),
            pushMillWorkplace(factory),
            duplicate(factory),
            pushMillPermutation(factory),
            skill(factory),
            previousTarget(factory),
        };
    }

    Constraint unfilled(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Seat.class)
                .filter(seat -> seat.getInspector() == null)
                .penalize(HardSoftScore.ONE_HARD)
                .asConstraint(UNFILLED);
    }

    Constraint unavailable(ConstraintFactory factory) {
        return seatRule(factory, SeatRule.UNAVAILABLE);
    }

    Constraint canLead(ConstraintFactory factory) {
        return seatRule(factory, SeatRule.CAN_LEAD);
    }

    Constraint localLiaison(ConstraintFactory factory) {
        return seatRule(factory, SeatRule.LOCAL_LIAISON);
    }

    Constraint avoidance(ConstraintFactory factory) {
        return seatRule(factory, SeatRule.AVOIDANCE);
    }

    Constraint relative(ConstraintFactory factory) {
        return seatRule(factory, SeatRule.RELATIVE);
    }

    /** Organization avoidance: a seat whose inspector works or worked in a target's line (worksAt, postedAt). */
    Constraint organization(ConstraintFactory factory) {
        return seatRule(factory, SeatRule.ORGANIZATION);
    }

    Constraint pushMillWorkplace(ConstraintFactory factory) {
        return seatRule(factory, SeatRule.PUSH_MILL);
    }

    /**
     * Seats joined with their team: the push-mill rule reads the team's source county, a planning variable of
     * another entity, so the stream must see that team change.
     */
    private static BiConstraintStream<Seat, Team> seatsWithTeams(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .join(factory.forEachIncludingUnassigned(Team.class), Joiners.equal(Seat::getTeam, team -> team));
    }

    private Constraint seatRule(ConstraintFactory factory, SeatRule rule) {
        return seatsWithTeams(factory)
                .filter((seat, team) -> SeatRule.firstBroken(seat) == rule)
                .penalize(HardSoftScore.ONE_HARD)
                .asConstraint(rule.name());
    }

    /** Every seat of an inspector who sits in more than one seat, unless the seat already broke a seat rule. */
    Constraint duplicate(ConstraintFactory factory) {
        return seatsWithTeams(factory)
                .filter((seat, team) -> SeatRule.firstBroken(seat) == null)
                .ifExists(Seat.class, Joiners.equal((seat, team) -> seat.getInspector(), Seat::getInspector),
                        Joiners.filtering((a, team, b) -> a != b))
                .penalize(HardSoftScore.ONE_HARD)
                .asConstraint(DUPLICATE);
    }

    Constraint pushMillPermutation(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Team.class)
                .filter(team -> team.getPolicy().pushMill())
                .groupBy(toList())
                .filter(teams -> !PushMill.violating(teams).isEmpty())
                .penalize(HardSoftScore.ONE_HARD, teams -> PushMill.violating(teams).size())
                .asConstraint(PERMUTATION);
    }

    /** One point for every skilled member a team lacks. */
    Constraint skill(ConstraintFactory factory) {
        // joined with every seat of the team, filled or not, so that a need nobody meets still has a group
        return factory.forEach(SkillNeed.class)
                .join(factory.forEachIncludingUnassigned(Seat.class), Joiners.equal(SkillNeed::teamId, seat -> seat.getTeam().getId()))
                .groupBy((need, seat) -> need, conditionally((need, seat) -> seat.getInspector() != null
                        && seat.getInspector().skills().contains(need.skill()), countBi()))
                .filter((need, have) -> have < need.count())
                .penalize(HardSoftScore.ONE_SOFT, (need, have) -> need.count() - have)
                .asConstraint(SKILL);
    }

    Constraint previousTarget(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(seat -> SeatRule.intersects(seat.getInspector().previousTargets(), seat.getTeam().getTargets()))
                .penalize(HardSoftScore.ONE_SOFT)
                .asConstraint(PREVIOUS_TARGET);
    }
}
