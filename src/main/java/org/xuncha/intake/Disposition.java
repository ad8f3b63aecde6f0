package org.xuncha.intake;

/**
 * How a triaged petition is handled: the team follows it up, or it goes to the discipline commission's petition
 * office (whose DISCIPLINE accounts then see it and record the outcome), or — out of the team's scope — to another
 * department named on the petition.
 */
enum Disposition {
    SELF("自办"),
    DISCIPLINE("转纪委监委信访室"),
    OTHER_DEPARTMENT("转其他部门");

    private final String label;

    Disposition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** An out-of-scope petition may only leave for another department; an in-scope one stays with the system. */
    public boolean fits(boolean inScope) {
        return inScope ? this != OTHER_DEPARTMENT : this == OTHER_DEPARTMENT;
    }
}
