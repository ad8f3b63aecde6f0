package org.xuncha.inforequest;

/** Filters of the request list; null means "any". {@code overdue} true keeps only SENT requests past their due date. */
record InfoRequestFilter(InfoRequestStatus status, Boolean overdue, String department, Long inspection) {

    static InfoRequestFilter none() {
        return new InfoRequestFilter(null, null, null, null);
    }

    InfoRequestFilter {
        department = department == null || department.isBlank() ? null : department.strip();
    }
}
