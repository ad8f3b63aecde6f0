package org.xuncha.referral;

/**
 * 政务处分 (公职人员政务处分法 Art. 7), lightest first. Where they fall in the 四种形态 is this platform's rule (no
 * official table maps them; DOMAIN.md names only party sanctions and post measures): 警告, 记过 and 记大过 keep the
 * person in post like 党纪轻处分 and are the second form; 降级, 撤职 and 开除 are 重大职务调整 like 党纪重处分 and are the
 * third.
 */
public enum GovernmentSanction implements OutcomeCode {
    WARNING("警告", Form.SECOND),
    DEMERIT("记过", Form.SECOND),
    MAJOR_DEMERIT("记大过", Form.SECOND),
    DEMOTION("降级", Form.THIRD),
    DISMISSAL("撤职", Form.THIRD),
    EXPULSION("开除", Form.THIRD);

    private final String label;
    private final Form form;

    GovernmentSanction(String label, Form form) {
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
