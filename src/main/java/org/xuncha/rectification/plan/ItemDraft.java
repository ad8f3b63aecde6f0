package org.xuncha.rectification.plan;

import java.time.LocalDate;

/**
 * One 整改事项 as the TARGET types it: the fed-back problem it answers (rectification_feedback_item id), 整改目标,
 * 整改措施, 责任领导, 责任部门, 具体经办人, 完成时限 and 长效机制 (optional: not every measure needs a new rule).
 */
public record ItemDraft(Long feedbackItemId, String goal, String measures, String leaderName, String department,
                        String handlerName, LocalDate dueOn, String mechanism) {
}
