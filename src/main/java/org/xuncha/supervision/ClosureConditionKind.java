package org.xuncha.supervision;

/**
 * The conditions of 报结 an office may require (issue 15 §6), each switched on or off in its closure settings and
 * checked by the {@link ClosureCondition} of the same kind.
 */
public enum ClosureConditionKind {
    LEDGER("整改事项全部销号或按规定结转（持续整改明确责任单位和下次检查日期，不能整改经批准）"),
    REPORTS("整改情况报告和主要负责人组织落实情况报告已报送并接收"),
    EVALUATION("整改质效评估已完成");

    private final String label;

    ClosureConditionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
