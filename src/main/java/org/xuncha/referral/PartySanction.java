package org.xuncha.referral;

/**
 * 党纪处分 (中国共产党纪律处分条例), lightest first. 警告 and 严重警告 are the 党纪轻处分 of the second form; 撤销党内职务,
 * 留党察看 and 开除党籍 the 党纪重处分 of the third (DOMAIN.md, 四种形态).
 */
public enum PartySanction implements OutcomeCode {
    WARNING("警告", Form.SECOND),
    SERIOUS_WARNING("严重警告", Form.SECOND),
    REMOVAL_FROM_POST("撤销党内职务", Form.THIRD),
    PROBATION("留党察看", Form.THIRD),
    EXPULSION("开除党籍", Form.THIRD);

    private final String label;
    private final Form form;

    PartySanction(String label, Form form) {
        this.label = label;
        this.form = form;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Form form() {
        return form;
    }
}
