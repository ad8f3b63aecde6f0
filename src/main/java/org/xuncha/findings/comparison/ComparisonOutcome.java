package org.xuncha.findings.comparison;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Two scanned sides compared: every list of the result as rows of text (see {@link RowCodec} for what each list's
 * row holds), in memory only until it is sealed. A key is matched when both sides kept it (duplicates were left out
 * of both as rejected rows); the lists keep the order of the left file (matched, only-left) and the right file
 * (only-right).
 */
final class ComparisonOutcome {

    final SideScan left;
    final SideScan right;
    final Map<ResultList, List<String[]>> lists = new EnumMap<>(ResultList.class);

    private ComparisonOutcome(SideScan left, SideScan right) {
        this.left = left;
        this.right = right;
        for (ResultList l : ResultList.values()) {
            lists.put(l, new ArrayList<>());
        }
    }

    static ComparisonOutcome of(SideScan left, SideScan right) {
        ComparisonOutcome o = new ComparisonOutcome(left, right);
        List<String[]> matched = o.lists.get(ResultList.MATCHED);
        List<String[]> onlyLeft = o.lists.get(ResultList.ONLY_LEFT);
        for (var e : left.entries.entrySet()) {
            SideScan.Entry r = right.entries.get(e.getKey());
            if (r != null) {
                matched.add(RowCodec.matched(e.getValue(), r));
            } else {
                onlyLeft.add(RowCodec.single(e.getValue()));
            }
        }
        List<String[]> onlyRight = o.lists.get(ResultList.ONLY_RIGHT);
        for (var e : right.entries.entrySet()) {
            if (!left.entries.containsKey(e.getKey())) {
                onlyRight.add(RowCodec.single(e.getValue()));
            }
        }
        left.rejected.stream().sorted(java.util.Comparator.comparingInt(SideScan.Rejected::row))
                .forEach(r -> o.lists.get(ResultList.REJECTED_LEFT).add(RowCodec.rejected(r)));
        right.rejected.stream().sorted(java.util.Comparator.comparingInt(SideScan.Rejected::row))
                .forEach(r -> o.lists.get(ResultList.REJECTED_RIGHT).add(RowCodec.rejected(r)));
        left.mismatches.forEach(m -> o.lists.get(ResultList.TOTALS).add(RowCodec.mismatch(left.side, m)));
        right.mismatches.forEach(m -> o.lists.get(ResultList.TOTALS).add(RowCodec.mismatch(right.side, m)));
        return o;
    }

    int count(ResultList list) {
        return lists.get(list).size();
    }
}
