package org.xuncha.intake;

import java.util.List;

/**
 * Counts of petitions over a set of inspections (one inspection, one round, or all the caller may read): by channel,
 * category and disposition, and petitions per station-day of cross versus non-cross inspections — seed 004's
 * finding that people report more to a team that is not local.
 */
record PetitionStatistics(long total, List<Count> byChannel, List<Count> byCategory, List<Count> byDisposition,
                          List<Rate> crossComparison) {

    /** One row of a breakdown: the Chinese label, the code and how many. */
    record Count(String code, String label, long count) {
    }

    /**
     * Petitions per station-day of a group of inspections. Station-days run from the stationing date to the
     * withdrawal date (today while the team is still stationed), both included; inspections never stationed count
     * neither days nor petitions.
     */
    record Rate(String label, long inspections, long petitions, long stationDays) {
        public String perDay() {
            return stationDays == 0 ? "—" : String.format("%.2f", (double) petitions / stationDays);
        }
    }
}
