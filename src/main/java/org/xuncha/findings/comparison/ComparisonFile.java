package org.xuncha.findings.comparison;

/** One uploaded spreadsheet as received (name as the client sent it, bytes), before the upload check. */
public record ComparisonFile(String originalName, byte[] bytes) {
}
