package org.xuncha.staffing;

import java.time.OffsetDateTime;

/** A team-formation run as the pages show it; scores are those of the saved plan (null before the first one). */
public record StaffingRunView(long id, long roundId, String roundName, long bodyId, String bodyName, String name,
                              StaffingRunStatus status, int secondsLimit, int attempt, Long hardScore,
                              Long softScore, boolean stopRequested, OffsetDateTime heartbeatAt,
                              OffsetDateTime startedAt, OffsetDateTime finishedAt, OffsetDateTime createdAt,
                              OffsetDateTime confirmedAt, int version) {

    public boolean hasPlan() {
        return hardScore != null;
    }

    public boolean feasible() {
        return hardScore != null && hardScore == 0;
    }
}
