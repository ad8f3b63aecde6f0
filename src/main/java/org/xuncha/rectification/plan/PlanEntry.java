package org.xuncha.rectification.plan;

import java.time.LocalDate;

import org.xuncha.rectification.PlanStatus;

/**
 * One row of the plans' list: a delivered feedback and its plan, if one was opened ({@code planId} and
 * {@code status} null while the TARGET has not begun). {@code late} as {@link Plan#lateOn}.
 */
public record PlanEntry(long feedbackId, String feedbackTitle, String organizationName, String teamName,
                        LocalDate deliveredOn, LocalDate planDueOn, Long planId, PlanStatus status,
                        LocalDate firstSubmittedOn, boolean late) {
}
