package org.xuncha.findings.comparison;

/** The lists a comparison result is stored and shown as. */
public enum ResultList {
    MATCHED("两表均有"),
    ONLY_LEFT("仅左表有"),
    ONLY_RIGHT("仅右表有"),
    REJECTED_LEFT("左表未参与比对的行"),
    REJECTED_RIGHT("右表未参与比对的行"),
    TOTALS("表内合计不符");

    private final String label;

    ResultList(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
