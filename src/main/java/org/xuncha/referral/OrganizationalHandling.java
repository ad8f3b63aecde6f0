package org.xuncha.referral;

/**
 * 组织处理 (党政领导干部选拔任用工作条例, 组织处理规定). 诫勉 is a first-form measure; 调整职务, 责令辞职, 免职 and 降职
 * are the second form (DOMAIN.md lists 停职检查、调整职务、责令辞职、免职 there; 降职 goes with them as a post measure
 * short of the third form's 重大职务调整, which the platform records as a 政务处分 降级/撤职/开除).
 */
public enum OrganizationalHandling implements OutcomeCode {
    ADMONITION("诫勉", Form.FIRST),
    POST_ADJUSTMENT("调整职务", Form.SECOND),
    ORDERED_RESIGNATION("责令辞职", Form.SECOND),
    REMOVAL("免职", Form.SECOND),
    DEMOTION("降职", Form.SECOND);

    private final String label;
    private final Form form;

    OrganizationalHandling(String label, Form form) {
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
