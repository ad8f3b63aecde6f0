package org.xuncha.referral.clock;

import org.xuncha.platform.web.UserInputException;

/** The settings form as the page posts it (texts as typed), turned into numbers and a cycle for the service. */
record ReplyTermForm(String replyMonths, String remindDays, String progressCycle, String version) {

    static ReplyTermForm of(OfficeReplyTerm t) {
        return new ReplyTermForm(String.valueOf(t.replyMonths()), String.valueOf(t.remindDays()), t.cycle().name(),
                String.valueOf(t.version()));
    }

    Integer months() {
        return number(replyMonths, "办理期限（月）");
    }

    Integer days() {
        return number(remindDays, "提前提醒天数");
    }

    ProgressCycle cycle() {
        return ReplyTermForm.cycle(progressCycle);
    }

    int versionRead() {
        Integer v = number(version, "版本");
        return v == null ? -1 : v;
    }

    static ProgressCycle cycle(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return ProgressCycle.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("未知的进展报送周期");
        }
    }

    private static Integer number(String raw, String what) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException(what + "应为整数");
        }
    }
}
