package org.xuncha.findings;

/**
 * An inspection's problem leads counted for the report and the report card: 件 ({@code leads}), 人 ({@code persons},
 * distinct involved persons by their blind index, so a person named in two leads counts once) and how many of the
 * leads were reported as urgent (适时报告). Only reported leads count: drafts and withdrawn leads do not.
 */
public record LeadCounts(long leads, long persons, long urgent) {

    public static final LeadCounts NONE = new LeadCounts(0, 0, 0);
}
