package org.xuncha.inspection;

import java.time.LocalDate;

/** A round (第N轮) as pages and the API show it; {@code writable} says whether the caller may edit it. */
public record RoundView(long id, long bodyId, String bodyName, long termId, String termName, int ordinal, String name,
                        LocalDate plannedStationOn, LocalDate plannedWithdrawOn, LocalDate plannedFeedbackOn,
                        LocalDate actualStationOn, LocalDate actualWithdrawOn, LocalDate actualFeedbackOn,
                        int version, long inspectionCount, boolean writable) {
}
