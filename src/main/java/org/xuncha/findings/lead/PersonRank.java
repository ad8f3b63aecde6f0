package org.xuncha.findings.lead;

/** The rank of an involved person (职级), as leads are sorted for the receiving bodies. */
enum PersonRank {
    BUREAU("厅级"),
    DIVISION("处级"),
    SECTION("科级"),
    GENERAL("一般干部"),
    VILLAGE("村干部");

    private final String label;

    PersonRank(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
