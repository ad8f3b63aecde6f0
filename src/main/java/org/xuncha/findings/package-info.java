/**
 * 问题与线索: the stationed team's record — work logs (谈话、走访、问卷、调阅资料 …), working papers (底稿) with
 * evidence and approval, data comparison (数据比对), findings and leads, and the inspection report.
 *
 * <p>Each capability lives in its own sub-package ({@code worklog}, {@code paper}, {@code comparison}); the base
 * package holds what other modules may use: typed ids, counts and events. Every row of case data carries its
 * inspection and is read through {@link org.xuncha.findings.internal.FindingsScope}: the office and the leading
 * group of the inspection's body, the inspection's own team, nobody else — TARGET, COLLABORATOR, DISCIPLINE and
 * ORG_DEPT read nothing here (transfers of leads are the referral module's). It joins inspection's read view
 * {@code inspection_scope_view} for the body and the stage; it reads no other table of another module.
 *
 * <p>{@code paper}: working papers (底稿), one per problem, approved 撰写人 → 副组长 → 组长; the base package holds
 * {@link org.xuncha.findings.WorkingPaperId} and the event {@link org.xuncha.findings.WorkingPaperApproved}. It also
 * reads organization's {@code inspection_body_view} (a body's name for the default numbering) and the team through
 * {@code inspection.Inspections.team}. A paper's 问题来源 links the record it came from ({@code paper.SourceRecords}): a
 * work log or comparison of this module, or a petition through intake's {@code PetitionReferences}.
 *
 * <p>{@code comparison} (数据比对): {@link org.xuncha.findings.comparison.Comparisons} compares two uploaded
 * spreadsheets by identity number or name + birth date; rows stay inside the team ({@code FindingsScope.team}),
 * the summary a working paper cites is {@code Comparisons.summary(DataScope, long)}.
 *
 * <p>{@code lead}: problem leads (问题线索) with the involved persons sealed and blind-indexed, reported by the team
 * leader to the body's leading group and, for a CROSS inspection, to the inspected county's (双汇报), each
 * acknowledging; the base package holds {@link org.xuncha.findings.LeadCounting} with
 * {@link org.xuncha.findings.LeadCounts} (件 and 人) and {@link org.xuncha.findings.PaperLookup}, the approved-paper
 * check findings.paper offers its siblings. A lead reported to an inspected county is also read by that county's
 * LEADER accounts (besides {@code FindingsScope}). It also reads inspection's {@code inspection_target_view} and
 * organization's {@code party_organization_view} (the inspected county's body) and {@code identity.AccountDirectory}
 * for the acknowledging leader's name.
 *
 * <p>{@code finding} (问题): findings formed from approved working papers (one per paper), classified with
 * {@code taxonomy}'s headings and tags, with 立行立改; it reads the {@code working_paper} table of this module and
 * inspection's {@code inspection_target_view} and organization's {@code party_organization_view} (the target's
 * name and sector). The base package's {@link org.xuncha.findings.FindingFigures#countsOf} gives the report and the
 * report card their {@link org.xuncha.findings.FindingCounts}.
 *
 * <p>{@code report} (巡察报告): the inspection report drafted from the counts APIs and the findings, its approval
 * chain 组务会 → 巡察办审核 → 领导小组审议 → 党委审定 (组务会 sends it through inspection's
 * {@code InspectionStages.submitReport}), the 《巡察发现问题线索报告》 (team and leading group only) and 专题报告; it
 * reads this module's {@code finding}, {@code working_paper} and {@code problem_lead} tables and intake's
 * {@code PetitionCounting}. {@link org.xuncha.findings.InspectionReports} tells the stage gates whether the report
 * was submitted or approved.
 *
 * <p>For rectification's 反馈意见 (issue 14), read-only: {@link org.xuncha.findings.ReportedFindings} (the standing
 * findings of an approved report, in scope) and {@link org.xuncha.findings.InspectionPersonNames} (the sealed names
 * of an inspection's interviewees and lead persons, for the office's name check only, as a
 * {@link org.xuncha.findings.PersonNameSet} that never gives a name back).
 */
@org.springframework.modulith.ApplicationModule(displayName = "问题与线索",
        allowedDependencies = {"common", "platform", "audit", "identity", "inspection", "people", "documents",
                "intake", "organization"})
package org.xuncha.findings;
