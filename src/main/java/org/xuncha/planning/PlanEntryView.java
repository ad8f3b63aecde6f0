package org.xuncha.planning;

import java.time.LocalDate;

import org.xuncha.organization.Sector;

/**
 * One organization of a term plan with its coverage: {@code coveredOn} is the earliest feedback inside the
 * term's years of an inspection of it that reached FEEDBACK (null while uncovered); {@code lastFeedbackOn}
 * the latest such feedback ever, any term.
 */
record PlanEntryView(long id, long organizationId, String code, String name, Sector sector, String bodyName,
                     int plannedYear, Integer plannedRound, boolean removed, int version, LocalDate coveredOn,
                     LocalDate lastFeedbackOn) {

    public boolean covered() {
        return coveredOn != null;
    }
}
