package org.xuncha.rectification.report;

import java.time.OffsetDateTime;

/** One thing that happened to a report (rectification_report_step, append-only): who, when, with its note. */
record ReportStep(int round, Action action, String note, String byName, OffsetDateTime at) {

    enum Action {
        SIGNED("主要负责人签字"), SUBMITTED("报送"), RECEIVED("接收"), RETURNED("退回");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
