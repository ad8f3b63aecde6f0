/**
 * 督查与报结: what holds an organization to its rectification after the ledger of issue 14 — supervision letters
 * (督办函 / 提示函 / 预警函) and their answers, 约谈, 问责 and 通报; the 回访 with its anonymous 满意度测评 and the
 * 专项督查; the 整改质效评估 with the office's indicator model; the public 整改公开 page; and 报结, which closes an
 * inspection only when the loop is closed (issue 15).
 *
 * <p>Each capability lives in its own sub-package; the base package holds what other modules may use (typed ids,
 * enums, events). The ledger is read and moved only through rectification's API; inspections through inspection's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "督查与报结",
        allowedDependencies = {"common", "platform", "audit", "identity", "inspection", "organization", "documents",
                "findings", "intake", "rectification"})
package org.xuncha.supervision;
