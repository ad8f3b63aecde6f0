package org.xuncha.staffing.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The least-cost assignment behind the push-mill start, on cases small enough to work out by hand. */
@Tag("pure")
class RotationStartTests {

    final Team team = new Team("T1", "350102", Set.of("ORG-1"), new Policy(EnumSet.allOf(Policy.Avoid.class), true, false));
    final Seat leader = new Seat(team, Role.LEADER, 1);
    final Seat member = new Seat(team, Role.MEMBER, 1);
    final Map<Seat, String> slots = Map.of(member, "FINANCE");

    static Inspector person(String id, boolean canLead, Set<String> skills, Set<String> previous) {
        return new Inspector(id, id, "350103", "350103", List.of(), "350103", skills, canLead, true, Set.of(), previous);
    }

    final Inspector a = person("A", true, Set.of(), Set.of());
    final Inspector b = person("B", true, Set.of("FINANCE"), Set.of());
    final Inspector c = person("C", false, Set.of("FINANCE"), Set.of("ORG-1"));

    @Test
    void prefersTheSkilledPersonInTheSkillSlotAndTheOtherLeaderInTheLead() {
        // L: A 0, B 0, C cannot lead; M: A 1 (no FINANCE), B 0, C 1 (inspected ORG-1 before) -> L=A, M=B at 0
        RotationStart.Assignment result = RotationStart.assign(List.of(leader, member), List.of(a, b, c), slots);
        assertThat(result.cost()).isZero();
        assertThat(result.personOfSeat()).containsExactly(0, 1);
    }

    @Test
    void takesASoftPointRatherThanLeaveASeatEmpty() {
        RotationStart.Assignment result = RotationStart.assign(List.of(leader, member), List.of(a, c), slots);
        assertThat(result.cost()).isEqualTo(1);
        assertThat(result.personOfSeat()).containsExactly(0, 1);
    }

    @Test
    void leavesASeatNobodyFitsEmptyAtTheCostOfAnEmptySeat() {
        RotationStart.Assignment result = RotationStart.assign(List.of(leader, member), List.of(c), slots);
        assertThat(result.cost()).isEqualTo(RotationStart.UNFILLED + 1);
        assertThat(result.personOfSeat()).containsExactly(-1, 0);
    }

    @Test
    void anAvoidingPersonCannotTakeTheSeat() {
        Inspector local = new Inspector("L", "L", "350102", "350103", List.of(), "350103", Set.of("FINANCE"), true, true,
                Set.of(), Set.of());
        RotationStart.Assignment result = RotationStart.assign(List.of(leader), List.of(local), slots);
        assertThat(result.personOfSeat()).containsExactly(-1);
        assertThat(result.cost()).isEqualTo(RotationStart.UNFILLED);
    }
}
