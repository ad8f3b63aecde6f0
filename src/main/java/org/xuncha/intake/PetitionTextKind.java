package org.xuncha.intake;

/**
 * The texts of a petition whose every version is kept ({@code petition_text_revision}): the team's reply to the
 * reporter and the discipline office's outcome of a transferred petition.
 */
enum PetitionTextKind {
    REPLY("给举报人的答复"),
    OUTCOME("纪委监委办理结果");

    private final String label;

    PetitionTextKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
