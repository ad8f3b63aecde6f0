package org.xuncha.referral;

import java.time.LocalDate;

import org.xuncha.common.BodyId;
import org.xuncha.common.InspectionId;
import org.xuncha.common.RoundId;

/**
 * Which transferred items the §5 figures count ({@link ReferralFigures#transferCounts}): every filter is optional and
 * they combine with AND. {@code body} the transferring body, with the bodies below it when {@code withBelow};
 * {@code from}/{@code to} the period, inclusive, as dates in the business zone. The period picks the items
 * transferred in it (a cohort); what became of them is counted as of {@code to} (or today without an end).
 */
public record FigureQuery(BodyId body, boolean withBelow, RoundId round, InspectionId inspection, LocalDate from,
                          LocalDate to) {

    public static FigureQuery ofInspection(InspectionId inspection) {
        return new FigureQuery(null, false, null, inspection, null, null);
    }

    public static FigureQuery ofBody(BodyId body, boolean withBelow, LocalDate from, LocalDate to) {
        return new FigureQuery(body, withBelow, null, null, from, to);
    }
}
