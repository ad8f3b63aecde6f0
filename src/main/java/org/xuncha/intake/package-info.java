/**
 * 码上巡与信访举报: the public reporting channel of a stationed inspection (/r/{channelCode}, receipts, status),
 * staff intake of letters, calls and visits, and the petition register with triage, disposition, reply and
 * closure (三个到位一个处理). Reporter identities are sealed; no TARGET account ever reads anything of it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "码上巡与信访举报",
        allowedDependencies = {"common", "platform", "audit", "identity", "inspection"})
package org.xuncha.intake;
