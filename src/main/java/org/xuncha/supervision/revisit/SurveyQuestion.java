package org.xuncha.supervision.revisit;

/** The fixed questions of the 满意度测评; {@link #OVERALL} gives the revisit's satisfaction rate. */
public enum SurveyQuestion {
    OVERALL("您对本单位巡察整改工作的总体评价"),
    RECTIFICATION("您对巡察反馈问题整改落实情况的评价"),
    STYLE("您对本单位整改以来作风转变的评价");

    private final String label;

    SurveyQuestion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
