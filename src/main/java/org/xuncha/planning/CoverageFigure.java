package org.xuncha.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Planned and covered organizations of one slice of a plan (overall, a sector, a level, a year, a county).
 * {@code key} is machine-readable (enum name, year, body id), {@code label} Chinese.
 */
record CoverageFigure(String key, String label, long planned, long covered) {

    /** Covered share in percent, one decimal; 0 for an empty slice. */
    public BigDecimal percent() {
        if (planned == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(covered * 100L).divide(BigDecimal.valueOf(planned), 1, RoundingMode.HALF_UP);
    }

    /** The share as people read it: "33.3%", or "—" when nothing is planned (0 of 0 is no rate at all). */
    public String shown() {
        return planned == 0 ? "—" : percent().toPlainString() + "%";
    }

    public long uncovered() {
        return planned - covered;
    }
}
