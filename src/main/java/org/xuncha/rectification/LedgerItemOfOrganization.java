package org.xuncha.rectification;

import java.time.LocalDate;

import org.xuncha.common.BodyId;
import org.xuncha.common.InspectionId;

/**
 * One ledger item of an organization as other modules may read it ({@link LedgerItemsOfOrganization}): what a
 * supervision letter lists. The warning is the ledger's own (绿 / 黄 / 红 from the item's start dates, red once the
 * deadline has passed); {@code returned} is an item in work that the office sent back (退回, 不同意不能整改, 二次整改).
 *
 * @param problem the fed-back problem the item answers, as worded in the feedback
 * @param goal    the item's 整改目标
 */
public record LedgerItemOfOrganization(RectificationItemId id, InspectionId inspection, BodyId body, int position,
                                       String problem, String goal, ItemStatus status, LocalDate dueOn,
                                       Warning warning, boolean returned) {

    /** The ledger's warning levels, by their labels. */
    public enum Warning {
        GREEN("绿色预警"), YELLOW("黄色预警"), RED("红色预警");

        private final String label;

        Warning(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Open and past its deadline on {@code today}. */
    public boolean overdueOn(LocalDate today) {
        return status.open() && dueOn.isBefore(today);
    }

    /** Open and due within {@code days} calendar days from {@code today} (not yet overdue). */
    public boolean dueWithin(LocalDate today, int days) {
        return status.open() && !dueOn.isBefore(today) && !dueOn.isAfter(today.plusDays(days));
    }
}
