package org.xuncha.findings;

/** Typed id of a finding (问题), used between modules; findings.finding keeps the finding. */
public record FindingId(long value) {

    public FindingId {
        if (value <= 0) {
            throw new IllegalArgumentException("FindingId must be positive");
        }
    }

    public static FindingId of(long value) {
        return new FindingId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
