package org.xuncha.staffing.solver;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One test per named constraint of {@link StaffingConstraints}. */
@Tag("pure")
class StaffingConstraintsTests {

    private static final String HOME = "350102";
    private static final String TARGET = "350103";
    private static final String OTHER = "350104";

    private final ConstraintVerifier<StaffingConstraints, StaffingSolution> verifier =
            ConstraintVerifier.build(new StaffingConstraints(), StaffingSolution.class, Team.class, Seat.class);

    private static final Policy PLAIN = new Policy(EnumSet.allOf(Policy.Avoid.class), false, false);
    private static final Policy LOCAL = new Policy(EnumSet.allOf(Policy.Avoid.class), false, true);
    private static final Policy MILL = new Policy(EnumSet.allOf(Policy.Avoid.class), true, false);

    static Inspector inspector(String id, String workplace) {
        return new Inspector(id, null, workplace, workplace, List.of(), workplace, Set.of(), true, true, Set.of(), Set.of());
    }

    static Team team(String id, String target, Policy policy) {
        return new Team(id, target, Set.of("ORG-" + id), policy);
    }

    @Test
    void unfilledSeatCostsOneHard() {
        Team t = team("T1", TARGET, PLAIN);
        verifier.verifyThat(StaffingConstraints::unfilled)
                .given(t, new Seat(t, Role.MEMBER, 1), new Seat(t, Role.MEMBER, 2, inspector("P1", HOME)))
                .penalizesBy(1);
    }

    @Test
    void unavailableInspector() {
        Team t = team("T1", TARGET, PLAIN);
        Inspector away = new Inspector("P1", null, HOME, HOME, List.of(), HOME, Set.of(), true, false, Set.of(), Set.of());
        verifier.verifyThat(StaffingConstraints::unavailable)
                .given(t, new Seat(t, Role.MEMBER, 1, away), new Seat(t, Role.MEMBER, 2, inspector("P2", HOME)))
                .penalizesBy(1);
    }

    @Test
    void leaderSeatNeedsCanLead() {
        Team t = team("T1", TARGET, PLAIN);
        Inspector noLead = new Inspector("P1", null, HOME, HOME, List.of(), HOME, Set.of(), false, true, Set.of(), Set.of());
        verifier.verifyThat(StaffingConstraints::canLead)
                .given(t, new Seat(t, Role.LEADER, 1, noLead), new Seat(t, Role.MEMBER, 1, noLead))
                .penalizesBy(1);
    }

    @Test
    void localLiaisonSeatsComeFromTheInspectedPlace() {
        Team t = team("T1", TARGET, LOCAL);
        verifier.verifyThat(StaffingConstraints::localLiaison)
                .given(t, new Seat(t, Role.DEPUTY, 1, inspector("P1", HOME)),
                        new Seat(t, Role.LIAISON, 1, inspector("P2", TARGET)),
                        new Seat(t, Role.MEMBER, 1, inspector("P3", HOME)))
                .penalizesBy(1);
    }

    @Test
    void avoidanceCoversAllFourPlacesAndCityCodes() {
        Team t = team("T1", TARGET, PLAIN);
        Inspector lives = new Inspector("P1", null, TARGET, HOME, List.of(), HOME, Set.of(), true, true, Set.of(), Set.of());
        Inspector works = inspector("P2", TARGET);
        Inspector posted = new Inspector("P3", null, HOME, HOME, List.of(OTHER, TARGET), HOME, Set.of(), true, true, Set.of(), Set.of());
        Inspector grewUp = new Inspector("P4", null, HOME, HOME, List.of(), "350100", Set.of(), true, true, Set.of(), Set.of());
        Inspector clear = inspector("P5", HOME);
        verifier.verifyThat(StaffingConstraints::avoidance)
                .given(t, new Seat(t, Role.MEMBER, 1, lives), new Seat(t, Role.MEMBER, 2, works),
                        new Seat(t, Role.MEMBER, 3, posted), new Seat(t, Role.MEMBER, 4, grewUp),
                        new Seat(t, Role.MEMBER, 5, clear))
                .penalizesBy(4);
    }

    @Test
    void avoidanceDoesNotApplyToLocalSeatsNorToPlacesNotListed() {
        Team local = team("T1", TARGET, LOCAL);
        Team onlyResidence = team("T2", TARGET, new Policy(EnumSet.of(Policy.Avoid.RESIDENCE), false, false));
        verifier.verifyThat(StaffingConstraints::avoidance)
                .given(local, onlyResidence, new Seat(local, Role.DEPUTY, 1, inspector("P1", TARGET)),
                        new Seat(onlyResidence, Role.MEMBER, 1,
                                new Inspector("P2", null, HOME, TARGET, List.of(), TARGET, Set.of(), true, true, Set.of(), Set.of())))
                .penalizesBy(0);
    }

    @Test
    void relativeInATargetOrganization() {
        Team t = team("T1", TARGET, PLAIN);
        Inspector related = new Inspector("P1", null, HOME, HOME, List.of(), HOME, Set.of(), true, true, Set.of("ORG-T1"), Set.of());
        verifier.verifyThat(StaffingConstraints::relative)
                .given(t, new Seat(t, Role.MEMBER, 1, related), new Seat(t, Role.MEMBER, 2, inspector("P2", HOME)))
                .penalizesBy(1);
    }

    @Test
    void pushMillSeatsShareTheSourceCounty() {
        Team t = team("T1", TARGET, MILL);
        t.setSourceCounty(HOME);
        verifier.verifyThat(StaffingConstraints::pushMillWorkplace)
                .given(t, new Seat(t, Role.MEMBER, 1, inspector("P1", HOME)), new Seat(t, Role.MEMBER, 2, inspector("P2", OTHER)))
                .penalizesBy(1);
    }

    @Test
    void aSeatBreakingSeveralRulesCountsOnce() {
        Team t = team("T1", TARGET, PLAIN);
        Inspector all = new Inspector("P1", null, TARGET, TARGET, List.of(), TARGET, Set.of(), false, false, Set.of("ORG-T1"), Set.of());
        Seat seat = new Seat(t, Role.LEADER, 1, all);
        verifier.verifyThat().given(t, seat).scores(ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore.of(-1, 0));
    }

    @Test
    void inspectorInTwoSeats() {
        Team t = team("T1", TARGET, PLAIN);
        Inspector twice = inspector("P1", HOME);
        verifier.verifyThat(StaffingConstraints::duplicate)
                .given(t, new Seat(t, Role.MEMBER, 1, twice), new Seat(t, Role.MEMBER, 2, twice),
                        new Seat(t, Role.MEMBER, 3, inspector("P2", HOME)))
                .penalizesBy(2);
    }

    @Test
    void pushMillPermutationWithoutFixedPoints() {
        Team ab = team("AB", "350102", MILL);
        ab.setSourceCounty("350101");
        Team bc = team("BC", "350103", MILL);
        bc.setSourceCounty("350102");
        Team ca = team("CA", "350101", MILL);
        ca.setSourceCounty("350103");
        verifier.verifyThat(StaffingConstraints::pushMillPermutation).given(ab, bc, ca).penalizesBy(0);
        Team aa = team("AA", "350101", MILL);
        aa.setSourceCounty("350101");
        verifier.verifyThat(StaffingConstraints::pushMillPermutation).given(aa).penalizesBy(1);
        Team ab2 = team("AB2", "350104", MILL);
        ab2.setSourceCounty("350101");
        Team ab1 = team("AB1", "350102", MILL);
        ab1.setSourceCounty("350101");
        // 350101 goes to two counties, and neither 350102 nor 350104 sends a team
        verifier.verifyThat(StaffingConstraints::pushMillPermutation).given(ab1, ab2).penalizesBy(2);
    }

    @Test
    void missingSkilledMembers() {
        Team t = team("T1", TARGET, PLAIN);
        Inspector finance = new Inspector("P1", null, HOME, HOME, List.of(), HOME, Set.of("FINANCE"), true, true, Set.of(), Set.of());
        verifier.verifyThat(StaffingConstraints::skill)
                .given(t, new SkillNeed("T1", "FINANCE", 2), new SkillNeed("T1", "AUDIT", 1),
                        new Seat(t, Role.MEMBER, 1, finance), new Seat(t, Role.MEMBER, 2, inspector("P2", HOME)))
                .penalizesBy(2);
    }

    @Test
    void previousTargetAgain() {
        Team t = team("T1", TARGET, PLAIN);
        Inspector been = new Inspector("P1", null, HOME, HOME, List.of(), HOME, Set.of(), true, true, Set.of(), Set.of("ORG-T1"));
        verifier.verifyThat(StaffingConstraints::previousTarget)
                .given(t, new Seat(t, Role.MEMBER, 1, been), new Seat(t, Role.MEMBER, 2, inspector("P2", HOME)))
                .penalizesBy(1);
    }

    @Test
    void organizationAvoidanceReadsWorksAtAndPostedAtForEverySeat() {
        Team t = team("T1", TARGET, LOCAL);
        Inspector works = new Inspector("P1", null, HOME, HOME, List.of(), HOME, Set.of(), true, true, Set.of(),
                Set.of(), Set.of("ORG-T1", "ORG-UP"), Set.of());
        Inspector posted = new Inspector("P2", null, HOME, HOME, List.of(), HOME, Set.of(), true, true, Set.of(),
                Set.of(), Set.of(), Set.of("ORG-T1"));
        Inspector elsewhere = new Inspector("P3", null, HOME, HOME, List.of(), HOME, Set.of(), true, true, Set.of(),
                Set.of(), Set.of("ORG-T2"), Set.of("ORG-T3"));
        // a local liaison seat is exempt from place avoidance, never from organization avoidance
        Inspector local = new Inspector("P4", null, TARGET, TARGET, List.of(), TARGET, Set.of(), true, true, Set.of(),
                Set.of(), Set.of("ORG-T1"), Set.of());
        verifier.verifyThat(StaffingConstraints::organization)
                .given(t, new Seat(t, Role.MEMBER, 1, works), new Seat(t, Role.MEMBER, 2, posted),
                        new Seat(t, Role.MEMBER, 3, elsewhere), new Seat(t, Role.LIAISON, 1, local))
                .penalizesBy(3);
        // an instance without the fields: nothing to avoid
        verifier.verifyThat(StaffingConstraints::organization)
                .given(t, new Seat(t, Role.MEMBER, 1, inspector("P5", HOME)))
                .penalizesBy(0);
    }
}
