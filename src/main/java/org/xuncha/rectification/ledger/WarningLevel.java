package org.xuncha.rectification.ledger;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The overdue warnings of an open item (issue 14 §6, docs/domain.md "Warnings as built"), from the start dates kept on
 * the item ({@code rectification.warning.WarningDates}: counted in the body's working days): 绿色预警 from
 * {@code warn_green_on} (at most N1 working days left, default 20), 黄色预警 from {@code warn_yellow_on} (at most N2,
 * default 10) through the deadline, 红色预警 from the day after the deadline. A signed-off or unfixable item has none.
 * Each is addressed to its level: green to the 具体经办人, yellow to the 经办人 and the 分管领导 (责任领导), red to the
 * 责任单位 and the inspected party organization's 主要负责人 (the platform keeps no name of that person: the
 * organization's name with the post). {@link #of} and {@link #sql} say the same thing, so the mark and the filter
 * agree.
 */
public enum WarningLevel {
    GREEN("绿色预警", "text-bg-success"),
    YELLOW("黄色预警", "text-bg-warning"),
    RED("红色预警", "text-bg-danger");

    private final String label;
    private final String badge;

    WarningLevel(String label, String badge) {
        this.label = label;
        this.badge = badge;
    }

    public String label() {
        return label;
    }

    /** The page's badge class. */
    public String badge() {
        return badge;
    }

    /** The level of an item on {@code today}; null for none (closed, not yet started, dates not computed). */
    public static WarningLevel of(boolean open, LocalDate due, LocalDate greenOn, LocalDate yellowOn,
                                  LocalDate today) {
        if (!open) {
            return null;
        }
        if (due.isBefore(today)) {
            return RED;
        }
        if (yellowOn != null && !today.isBefore(yellowOn)) {
            return YELLOW;
        }
        if (greenOn != null && !today.isBefore(greenOn)) {
            return GREEN;
        }
        return null;
    }

    /** Whom a warning of this level is addressed to, as the page and the API name them. */
    public List<String> recipients(String handler, String leader, String department, String organization) {
        return switch (this) {
            case GREEN -> List.of("具体经办人 " + handler);
            case YELLOW -> List.of("具体经办人 " + handler, "分管领导 " + leader);
            case RED -> List.of("责任单位 " + department, (organization == null ? "被巡察党组织" : organization)
                    + "主要负责人");
        };
    }

    /**
     * The level as a condition on the open item of alias {@code i}, with the parameter :today. Green's
     * {@code due_on > :today} follows from {@code warn_yellow_on > :today} (yellow never starts after the deadline);
     * it is there so that the index (body_id, warn_green_on, due_on) checks it without reading the rows.
     */
    String sql() {
        return switch (this) {
            case RED -> " i.due_on < :today";
            case YELLOW -> " i.due_on >= :today AND i.warn_yellow_on <= :today";
            case GREEN -> " i.due_on > :today AND i.warn_green_on <= :today AND i.warn_yellow_on > :today";
        };
    }

    static Optional<WarningLevel> parse(String name) {
        return Arrays.stream(values()).filter(l -> l.name().equals(name)).findFirst();
    }
}
