package org.xuncha.staffing.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The one-pass {@link PushMill#violating} names exactly the teams {@link PushMill#reason} finds at fault, team by
 * team, on many random rounds: few counties, some teams without a source yet, permutations, fixed points, two sources
 * for one target and one source for two targets.
 */
class PushMillTests {

    static final Policy PUSH_MILL = new Policy(EnumSet.allOf(Policy.Avoid.class), true, false);

    @Test
    void theOnePassAgreesWithThePerTeamReasonOnRandomRounds() {
        Random random = new Random(20261202L);
        int broken = 0;
        int whole = 0;
        for (int round = 0; round < 3000; round++) {
            int counties = 2 + random.nextInt(5);
            List<Team> teams = new ArrayList<>();
            int[] permutation = permutation(random, counties);
            for (int k = 0; k < 1 + random.nextInt(3 * counties); k++) {
                int target = k % counties;
                Team t = new Team("T" + k, county(target), Set.of("ORG-" + k), PUSH_MILL);
                int r = random.nextInt(10);
                // mostly the round's permutation, sometimes a stray source or none yet
                t.setSourceCounty(r == 0 ? null : r == 1 ? county(random.nextInt(counties)) : county(permutation[target]));
                teams.add(t);
            }
            List<Team> expected = teams.stream().filter(t -> PushMill.reason(t, teams) != null).toList();
            assertThat(PushMill.violating(teams)).as("round %d", round).containsExactlyElementsOf(expected);
            if (expected.isEmpty()) {
                whole++;
            } else {
                broken++;
            }
        }
        // the rounds tried both kinds, or the comparison proves little
        assertThat(broken).isGreaterThan(500);
        assertThat(whole).isGreaterThan(100);
    }

    static String county(int i) {
        return String.format("3501%02d", i + 1);
    }

    static int[] permutation(Random random, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int x = p[i];
            p[i] = p[j];
            p[j] = x;
        }
        return p;
    }
}
