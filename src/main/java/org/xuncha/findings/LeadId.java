package org.xuncha.findings;

/** Typed id of a problem lead (问题线索), used between modules; findings.lead keeps the lead. */
public record LeadId(long value) {

    public LeadId {
        if (value <= 0) {
            throw new IllegalArgumentException("LeadId must be positive");
        }
    }

    public static LeadId of(long value) {
        return new LeadId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
