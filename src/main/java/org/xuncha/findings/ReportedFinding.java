package org.xuncha.findings;

/**
 * A standing finding (问题) of an approved 巡察报告 as the report states it: the organization it concerns (a target or
 * an extension unit of the inspection), its heading scheme and the level-1 heading label under which the report
 * lists it, its title and the report's 现象描述. No source, no paper, no person: what a feedback letter may start from.
 */
public record ReportedFinding(long id, long organizationId, HeadingScheme scheme, String headingLabel, String title,
                              String description) {
}
