package org.xuncha.planning;

import java.util.List;

/**
 * The live coverage of one term: overall, by sector (only sectors on the plan), by level (机关部门, 乡镇街道,
 * 村社区, 其他), by planned year (every year of the term), and for a city term read by a city office, by county
 * (each county body's current term; {@link CountyCoverage#termId()} null when the county has no term yet).
 */
record CoverageReport(TermView term, CoverageFigure overall, List<CoverageFigure> bySector,
                      List<CoverageFigure> byLevel, List<CoverageFigure> byYear, List<CountyCoverage> byCounty) {

    record CountyCoverage(long bodyId, String bodyName, Long termId, String termName, String years,
                          CoverageFigure figure) {
    }
}
