/**
 * 码上巡与信访举报: the public reporting channel of a stationed inspection (/r/{channelCode}, receipts, status),
 * staff intake of letters, calls and visits, and the petition register with triage, disposition, reply and
 * closure (三个到位一个处理). Reporter identities are sealed; no TARGET account ever reads anything of it.
 *
 * <p>It reads no table of another module: the inspections it takes petitions for are its own record
 * ({@code intake_inspection}), kept by {@code StationedInspections} from inspection's stage events; the public
 * channel, an inspection's targets and account names come from inspection's and identity's APIs; organization names
 * and round labels from their owners' read views.
 *
 * <p>API: {@code PetitionCounting} (counts for the inspection report) and {@code PetitionReferences} (the petitions of
 * an inspection the caller may read, as {@code PetitionReference}s without reporter or content, for a working paper's
 * 问题来源); {@code ReporterNames} (the sealed names of an inspection's real-name reporters, for rectification's check
 * that a 反馈意见 names none of them, as a {@code ReporterNameSet} that never gives a name back).
 */
@org.springframework.modulith.ApplicationModule(displayName = "码上巡与信访举报",
        allowedDependencies = {"common", "platform", "audit", "identity", "inspection"})
package org.xuncha.intake;
