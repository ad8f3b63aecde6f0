package org.xuncha.findings.worklog;

/** A talk's sealed fields, opened for the inspection's own team only; each opening is audited. */
public record TalkRecord(String intervieweeName, String intervieweePost, String notes) {
}
