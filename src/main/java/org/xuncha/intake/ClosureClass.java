package org.xuncha.intake;

/** 三个到位一个处理: how a closed petition ended. */
enum ClosureClass {
    REASONABLE_RESOLVED("合理诉求解决到位"),
    UNREASONABLE_EDUCATED("无理诉求教育到位"),
    HARDSHIP_HELPED("生活困难帮扶到位"),
    ILLEGAL_HANDLED("违法行为依法处理");

    private final String label;

    ClosureClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
