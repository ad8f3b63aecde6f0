package org.xuncha.staffing.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One county pair of the push-mill start, on cases small enough to work out by hand. */
@Tag("pure")
class PairSeatingTests {

    // team T1 inspects county 350102 (organization ORG-1) and needs one FINANCE member; people work in 350103
    final Team team = new Team("T1", "350102", Set.of("ORG-1"), new Policy(EnumSet.allOf(Policy.Avoid.class), true, false));
    final Seat leader = new Seat(team, Role.LEADER, 1);
    final Seat member = new Seat(team, Role.MEMBER, 1);
    final Needs needs = new Needs(List.of(new SkillNeed("T1", "FINANCE", 1)));

    static Inspector person(String id, boolean canLead, Set<String> skills, Set<String> previous) {
        return new Inspector(id, id, "350103", "350103", List.of(), "350103", skills, canLead, true, Set.of(), previous);
    }

    final Inspector a = person("A", true, Set.of(), Set.of());
    final Inspector b = person("B", true, Set.of("FINANCE"), Set.of());
    final Inspector c = person("C", false, Set.of("FINANCE"), Set.of("ORG-1"));
    final Inspector d = person("D", false, Set.of(), Set.of());

    PairSeating.Result solve(List<Seat> seats, List<Inspector> people, int otherFinance) {
        return new PairSeating(seats, people, needs).solve(new int[] {otherFinance}, null, 4, new Random(1));
    }

    @Test
    void aSkillNeedIsMetByWhicheverSeatOfTheTeamHoldsTheSkill() {
        // only B can lead and only B has FINANCE: L=B meets the need from the leader seat, M=D; cost 0.
        // (Pinning the need to the member seat, as the start once did, would have counted 1 here.)
        PairSeating.Result r = solve(List.of(leader, member), List.of(b, d), 0);
        assertThat(r.cost()).isZero();
        assertThat(r.personOfSeat()).containsExactly(0, 1);
    }

    @Test
    void countsTheNeedAsMissingWhenNobodySeatedHasTheSkill() {
        // A and D: L=A (D cannot lead), M=D; nobody has FINANCE -> 1
        PairSeating.Result r = solve(List.of(leader, member), List.of(a, d), 0);
        assertThat(r.cost()).isEqualTo(1);
        assertThat(r.personOfSeat()).containsExactly(0, 1);
    }

    @Test
    void aNeedTheTeamsOtherSeatsAlreadyMeetCostsNothingHere() {
        // same people, but a seat outside this pair brings FINANCE: 0
        assertThat(solve(List.of(leader, member), List.of(a, d), 1).cost()).isZero();
    }

    @Test
    void prefersTheSkilledPersonOverAPreviousTargetAndLeavesNoSeatEmptyWhenSomeoneFits() {
        // A, B, C: L=A M=B (0) or L=B M=A (0); C costs a point (inspected ORG-1 before) and cannot lead
        PairSeating.Result r = solve(List.of(leader, member), List.of(a, b, c), 0);
        assertThat(r.cost()).isZero();
        assertThat(r.personOfSeat()).doesNotContain(2);
    }

    @Test
    void leavesASeatNobodyFitsEmptyAtTheCostOfAnEmptySeat() {
        // only C: cannot lead -> leader empty (UNFILLED); member C meets FINANCE but inspected ORG-1 before (+1)
        PairSeating.Result r = solve(List.of(leader, member), List.of(c), 0);
        assertThat(r.cost()).isEqualTo(RotationStart.UNFILLED + 1L);
        assertThat(r.personOfSeat()).containsExactly(-1, 0);
    }

    @Test
    void anAvoidingPersonCannotTakeTheSeat() {
        // L lives in the inspected county 350102: avoidance; the seat stays empty and FINANCE stays missing
        Inspector local = new Inspector("L", "L", "350102", "350103", List.of(), "350103", Set.of("FINANCE"), true, true,
                Set.of(), Set.of());
        PairSeating.Result r = solve(List.of(leader), List.of(local), 0);
        assertThat(r.personOfSeat()).containsExactly(-1);
        assertThat(r.cost()).isEqualTo(RotationStart.UNFILLED + 1L);
    }

    @Test
    void keepsAGivenStartThatIsAlreadyOptimal() {
        PairSeating pair = new PairSeating(List.of(leader, member), List.of(a, b, c), needs);
        PairSeating.Result r = pair.solve(new int[] {0}, new int[] {1, 0}, 0, new Random(1));
        assertThat(r.cost()).isZero();
        assertThat(r.personOfSeat()).containsExactly(1, 0);
    }
}
