package org.xuncha.rectification;

import java.time.LocalDate;

/**
 * A report after the feedback an organization owes ({@link LedgerItemsOfOrganization#reportsDue}): the feedback's
 * report deadline and whether the report of that kind was submitted (received or awaiting receipt).
 *
 * @param kindLabel 整改情况报告 or 主要负责人组织落实情况报告
 */
public record ReportDueOfOrganization(FeedbackId feedback, String teamName, String kindLabel, LocalDate dueOn,
                                      boolean submitted) {
}
