package org.xuncha.intake;

/** What a petition is about, as the reporter chooses it: the six disciplines and the usual other kinds. */
enum PetitionCategory {
    POLITICAL("违反政治纪律"),
    ORGANIZATIONAL("违反组织纪律、选人用人"),
    INTEGRITY("违反廉洁纪律（贪污、受贿、吃拿卡要）"),
    MASSES("违反群众纪律（侵害群众利益）"),
    WORK("违反工作纪律"),
    LIFE("违反生活纪律"),
    FORMALISM("形式主义、官僚主义"),
    LIVELIHOOD("民生诉求、意见建议"),
    LITIGATION("涉法涉诉"),
    OTHER("其他");

    private final String label;

    PetitionCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
