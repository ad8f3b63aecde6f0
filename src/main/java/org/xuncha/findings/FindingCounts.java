package org.xuncha.findings;

import java.util.List;
import java.util.Map;

/**
 * The problems (问题) of an inspection for the report and the report card, counted over findings that stand
 * (withdrawn ones are not counted): the total, per level-1 heading (in scheme and item order; an inspection may use
 * two schemes when it covers a township and a department), per 六大纪律 tag (findings without a tag are only in the
 * total), the 重点 ones and the 立行立改 ones.
 */
public record FindingCounts(long total, List<HeadingCount> byHeading, Map<DisciplineTag, Long> byDiscipline,
                            long keyProblems, long rectifiedOnTheSpot) {

    public record HeadingCount(long headingId, HeadingScheme scheme, String label, long count) {
    }

    public long discipline(DisciplineTag tag) {
        return byDiscipline.getOrDefault(tag, 0L);
    }
}
