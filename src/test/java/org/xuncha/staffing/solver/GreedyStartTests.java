package org.xuncha.staffing.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The greedy start of teams without rotation, on a team small enough to work out by hand. */
@Tag("pure")
class GreedyStartTests {

    static Inspector person(String id, String workplace, boolean canLead, Set<String> skills) {
        return new Inspector(id, id, workplace, workplace, List.of(), workplace, skills, canLead, true, Set.of(), Set.of());
    }

    @Test
    void leadersLeadSkilledPeopleFillSkillSlotsAndAvoidingPeopleStayOut() {
        Team team = new Team("T1", "350102", Set.of("ORG-1"), new Policy(EnumSet.allOf(Policy.Avoid.class), false, false));
        Seat leader = new Seat(team, Role.LEADER, 1);
        Seat member1 = new Seat(team, Role.MEMBER, 1);
        Seat member2 = new Seat(team, Role.MEMBER, 2);
        Inspector local = person("LOCAL", "350102", true, Set.of("FINANCE"));   // works in the target county
        Inspector lead = person("LEAD", "350103", true, Set.of());
        Inspector plain = person("PLAIN", "350103", false, Set.of());
        Inspector finance = person("FIN", "350104", false, Set.of("FINANCE"));
        StaffingSolution solution = new StaffingSolution("t", List.of(local, plain, finance, lead), List.of("350102"),
                List.of(new SkillNeed("T1", "FINANCE", 1)), List.of(team), List.of(leader, member1, member2));
        GreedyStart.apply(solution);
        assertThat(leader.getInspector()).isEqualTo(lead);
        // the FINANCE slot is member seat 1 (members first, by index)
        assertThat(member1.getInspector()).isEqualTo(finance);
        assertThat(member2.getInspector()).isEqualTo(plain);
        assertThat(List.of(leader, member1, member2)).noneMatch(s -> s.getInspector() == local);
    }

    @Test
    void leavesASeatEmptyWhenNobodyFitsAndKeepsFilledSeats() {
        Team team = new Team("T1", "350102", Set.of("ORG-1"), new Policy(EnumSet.allOf(Policy.Avoid.class), false, false));
        Seat leader = new Seat(team, Role.LEADER, 1);
        Seat member = new Seat(team, Role.MEMBER, 1);
        Inspector plain = person("PLAIN", "350103", false, Set.of());
        Inspector other = person("OTHER", "350104", false, Set.of());
        member.setInspector(other);
        StaffingSolution solution = new StaffingSolution("t", List.of(plain, other), List.of("350102"), List.of(),
                List.of(team), List.of(leader, member));
        GreedyStart.apply(solution);
        assertThat(leader.getInspector()).isNull();
        assertThat(member.getInspector()).isEqualTo(other);
    }
}
