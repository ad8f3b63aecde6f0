package org.xuncha.rectification.calendar;

/** What a listed day is: a day off on a weekday (放假) or a working day on a weekend (调休上班 / 工作日). */
public enum CalendarDayKind {
    HOLIDAY("休息日"),
    WORKDAY("工作日");

    private final String label;

    CalendarDayKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean working() {
        return this == WORKDAY;
    }
}
