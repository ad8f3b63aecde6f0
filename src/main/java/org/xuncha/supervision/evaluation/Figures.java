package org.xuncha.supervision.evaluation;

/**
 * The counts an organization's automatic indicators and vetoes read, as rectification's API gave them when the
 * sheet was filled: fed-back problems and those done (整改率), items due and those signed off on time (按期报结率),
 * confirmed red cards. Overdue items are the due ones not on time.
 */
record Figures(long problems, long done, long due, long onTime, long redCards) {

    long overdue() {
        return due - onTime;
    }
}
