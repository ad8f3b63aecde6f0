package org.xuncha.staffing.solver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The assignment steps behind the push-mill start, worked out by hand. */
@Tag("pure")
class RotationStartTests {

    static final long BARRED = Long.MAX_VALUE / 16;

    @Test
    void choosesTheCheapestPermutationWithoutFixedPoints() {
        // cost[s][t]: s staffs t. Derangements of 3: t0<-s2, t1<-s0, t2<-s1 costs 1+1+1 = 3;
        // t0<-s1, t1<-s2, t2<-s0 costs 5+5+5 = 15. The diagonal is barred.
        long[][] cost = {
            {BARRED, 1, 5},
            {5, BARRED, 1},
            {1, 5, BARRED},
        };
        assertThat(RotationStart.permutation(cost)).containsExactly(2, 0, 1);
    }

    @Test
    void theCheapestPermutationMayUseTwoCycles() {
        // 4 counties: the pairs 0<->1 and 2<->3 cost 0, everything else 9: sources [1, 0, 3, 2]
        long[][] cost = new long[4][4];
        for (int s = 0; s < 4; s++) {
            for (int t = 0; t < 4; t++) {
                cost[s][t] = s == t ? BARRED : (s ^ 1) == t ? 0 : 9;
            }
        }
        assertThat(RotationStart.permutation(cost)).containsExactly(1, 0, 3, 2);
    }

    @Test
    void hungarianAssignsRowsToDistinctColumnsAtLeastCost() {
        // rows 2, columns 3: row0 {4, 1, 3}, row1 {2, 0, 5}; best: row0->1 (1) + row1->0 (2) = 3
        // (row0->2 + row1->1 = 3 as well; row0->1 and row1->1 collide) -> either, total 3
        long[][] a = {{4, 1, 3}, {2, 0, 5}};
        int[] col = RotationStart.hungarian(a, 2, 3);
        assertThat(col[0]).isNotEqualTo(col[1]);
        assertThat(a[0][col[0]] + a[1][col[1]]).isEqualTo(3);
    }

    @Test
    void candidatesKeepTheCheapestSourcesOfEachTarget() {
        long[][] cost = {
            {BARRED, 1, 5},
            {5, BARRED, 1},
            {1, 5, BARRED},
        };
        boolean[][] keep = RotationStart.candidates(cost, 1);
        assertThat(keep[2][0]).isTrue();
        assertThat(keep[1][0]).isFalse();
        assertThat(keep[0][1]).isTrue();
        assertThat(keep[1][2]).isTrue();
    }
}
