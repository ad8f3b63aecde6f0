/**
 * 整改: the 反馈意见 and its review and delivery, the inspected organization's 整改方案 and its joint review, the
 * ledger of rectification items to sign-off (对账销号) with evidence, warnings and red cards for sham rectification,
 * the ledger in Excel, and the rates computed from it (issue 14).
 *
 * <p>Each capability lives in its own sub-package (calendar, feedback, plan, ledger …); the base package holds what
 * other modules may use (typed ids, counts, events, enums). Tables of V8_32 onwards; findings and inspections are
 * read through their owners' APIs and views, never their tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "整改",
        allowedDependencies = {"common", "platform", "audit", "identity", "inspection", "organization", "documents",
                "findings", "intake", "referral"})
package org.xuncha.rectification;
