package org.xuncha.findings.lead;

/** Where a lead came from: an approved working paper (by its id), a petition (by its reference text) or other. */
enum LeadSource {
    WORKING_PAPER("工作底稿"),
    PETITION("信访举报"),
    OTHER("其他");

    private final String label;

    LeadSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
