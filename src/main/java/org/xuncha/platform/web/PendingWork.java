package org.xuncha.platform.web;

import java.util.List;

import org.xuncha.common.DataScope;

/**
 * What waits for the caller (待办), shown on the home page. Modules contribute beans; each returns only what
 * the caller's scope may see, counted in SQL, and nothing for roles it does not concern.
 */
public interface PendingWork {

    List<Item> pendingFor(DataScope scope);

    /**
     * One line of the home page's 待办 list.
     *
     * @param label   what waits, in Chinese (e.g. 待答复的巡前通报)
     * @param count   how many
     * @param overdue how many of them are past their due date
     * @param href    the list that shows them
     */
    record Item(String label, long count, long overdue, String href) {
    }
}
