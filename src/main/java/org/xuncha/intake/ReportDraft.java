package org.xuncha.intake;

/**
 * A report as the public API and the forms send it: the organization concerned (null or absent for "other"), the
 * category's code, the content, the anonymous flag and, for a named report, name and phone (sealed on arrival).
 */
public record ReportDraft(Long organizationId, String category, String content, Boolean anonymous, String name,
                          String phone) {
}
