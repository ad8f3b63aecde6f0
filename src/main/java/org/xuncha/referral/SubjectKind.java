package org.xuncha.referral;

/** What was transferred: a problem lead of an inspection, or a petition intake disposed to another body. */
public enum SubjectKind {
    LEAD("问题线索"),
    PETITION("信访件");

    private final String label;

    SubjectKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
