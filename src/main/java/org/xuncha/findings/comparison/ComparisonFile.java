package org.xuncha.findings.comparison;

/** One uploaded spreadsheet as received (name as the client sent it, bytes), before the upload check. */
// named interface "comparison": the demo loader runs the demo city's comparison through it
@org.springframework.modulith.NamedInterface("comparison")
public record ComparisonFile(String originalName, byte[] bytes) {
}
