package org.xuncha.people;

import java.time.LocalDate;

/**
 * Filters of the inspector list; null means "any". {@code availableFrom}/{@code availableTo} keep only
 * inspectors with no absence overlapping the range; {@code workplaceCounty} is a six-digit county code.
 * {@code page} is 0-based; {@code size} is capped at 100.
 */
record InspectorSearch(
        String text,
        Skill skill,
        Rank rank,
        Boolean canLead,
        LocalDate availableFrom,
        LocalDate availableTo,
        String workplaceCounty,
        Boolean active,
        int page,
        int size) {

    public static final int MAX_SIZE = 100;

    public InspectorSearch {
        page = Math.max(0, page);
        size = size <= 0 ? 20 : Math.min(size, MAX_SIZE);
        text = text == null || text.isBlank() ? null : text.trim();
        workplaceCounty = workplaceCounty == null || workplaceCounty.isBlank() ? null : workplaceCounty.trim();
        if (availableFrom != null && availableTo == null) {
            availableTo = availableFrom;
        }
        if (availableTo != null && availableFrom == null) {
            availableFrom = availableTo;
        }
    }

    public static InspectorSearch firstPage() {
        return new InspectorSearch(null, null, null, null, null, null, null, null, 0, 20);
    }
}
