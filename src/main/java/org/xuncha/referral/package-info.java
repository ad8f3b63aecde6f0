/**
 * 线索移交: everything an office transfers — problem leads of its inspections and petitions intake disposed to another
 * body — to the 纪委监委, the 组织部 or another department, in numbered batches with a signed 移交函; the receivers'
 * worklists and 签收; the outcomes they record per lead and per person; reply clocks and 挂牌督办; the figures.
 *
 * <p>Each capability lives in its own sub-package; the base package holds what other modules may use (typed ids,
 * counts, events, enums). Tables of V8_25 onwards; subjects are read through findings' and intake's APIs, never
 * their tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "线索移交",
        allowedDependencies = {"common", "platform", "audit", "identity", "inspection", "organization", "documents",
                "findings", "intake"})
package org.xuncha.referral;
