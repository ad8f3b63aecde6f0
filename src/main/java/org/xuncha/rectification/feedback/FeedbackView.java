package org.xuncha.rectification.feedback;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xuncha.findings.HeadingScheme;
import org.xuncha.rectification.FeedbackStatus;

/**
 * A 反馈意见 as the office, the leading group and the team read it: the text with its items (each naming the report
 * finding it feeds back), the deadlines once delivered, the row version for edits.
 */
public record FeedbackView(long id, long inspectionId, String teamName, long organizationId, String organizationName,
                           long bodyId, HeadingScheme scheme, FeedbackStatus status, String title, String opening,
                           String closing, LocalDate deliveredOn, LocalDate planDueOn, LocalDate reportDueOn,
                           int version, List<Item> items, String createdByName, OffsetDateTime createdAt) {

    /** One fed-back problem: the report finding, its level-1 heading label, the fed-back wording. */
    public record Item(long id, int position, long findingId, String headingLabel, String wording) {
    }

    /** Items under one heading, in the letter's order. */
    public record Heading(int ordinal, String label, List<Item> items) {
        public String numberedLabel() {
            return FeedbackText.chineseOrdinal(ordinal) + "、" + label;
        }
    }

    public List<Heading> headings() {
        return group(items);
    }

    static List<Heading> group(List<Item> items) {
        Map<String, List<Item>> byLabel = new LinkedHashMap<>();
        for (Item i : items) {
            byLabel.computeIfAbsent(i.headingLabel(), k -> new ArrayList<>()).add(i);
        }
        List<Heading> headings = new ArrayList<>();
        int n = 0;
        for (var e : byLabel.entrySet()) {
            headings.add(new Heading(++n, e.getKey(), List.copyOf(e.getValue())));
        }
        return headings;
    }

    public boolean delivered() {
        return status == FeedbackStatus.DELIVERED;
    }
}
