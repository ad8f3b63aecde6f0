package org.xuncha.findings;

/**
 * 问题标题体系: how a report's problems are headed. The scheme is chosen per sector of the inspected organization
 * (an office may change the choice); its items live in the taxonomy (built-in level 1 and 2, the office's own
 * level 2 and 3).
 */
public enum HeadingScheme {
    FOUR_IMPLEMENTATIONS("四个落实", "党政机关、事业单位、国有企业等"),
    FOUR_FOCUSES("四个聚焦", "乡镇（街道）、村（社区），2024 年起"),
    THREE_ASPECTS("三个方面", "以往巡察的问题（旧体系）");

    private final String label;
    private final String usedFor;

    HeadingScheme(String label, String usedFor) {
        this.label = label;
        this.usedFor = usedFor;
    }

    public String label() {
        return label;
    }

    /** For whom the scheme is meant, in the office's words. */
    public String usedFor() {
        return usedFor;
    }

    /**
     * The default for organizations of a sector ({@code organization.Sector} by name): 四个聚焦 for 乡镇街道 and
     * 村社区, 四个落实 for every other sector. 三个方面 is never a default: it is for data of past terms.
     */
    public static HeadingScheme defaultFor(String sector) {
        return "TOWNSHIP".equals(sector) || "VILLAGE".equals(sector) ? FOUR_FOCUSES : FOUR_IMPLEMENTATIONS;
    }
}
