/**
 * 整改: the 反馈意见 and its review and delivery, the inspected organization's 整改方案 and its joint review, the
 * ledger of rectification items to sign-off (对账销号) with evidence, warnings and red cards for sham rectification,
 * the ledger in Excel, and the rates computed from it (issue 14).
 *
 * <p>Each capability lives in its own sub-package (calendar, feedback, plan, ledger …); the base package holds what
 * other modules may use (typed ids, counts, events, enums). Tables of V8_32 onwards; findings and inspections are
 * read through their owners' APIs and views, never their tables.
 *
 * <p>{@code calendar}: the working-day calendar ({@link org.xuncha.rectification.WorkingDays}: weekends, the shipped
 * national schedule, each office's own entries). {@code feedback}: the 反馈意见 — drafted from findings'
 * {@code ReportedFindings}, reviewed 一对照二审核三查看, checked against intake's {@code ReporterNames} and findings'
 * {@code InspectionPersonNames}, delivered at the feedback meeting (inspection's {@code InspectionStages}), written
 * as .docx through documents; base package {@link org.xuncha.rectification.FeedbackId},
 * {@link org.xuncha.rectification.FeedbackStatus}. It reads inspection's {@code inspection_scope_view} (targets
 * through {@code Inspections.targets}) and organization's {@code party_organization_view} and
 * {@code inspection_body_view}.
 *
 * <p>{@code redcard}: red cards for sham rectification ({@link org.xuncha.rectification.RedCardKind},
 * {@link org.xuncha.rectification.RedCardStatus}), raised from the ledger's
 * {@link org.xuncha.rectification.ProgressReported} and by {@link org.xuncha.rectification.RelapseReports} from a
 * 回头看 finding (findings' {@code RecordedFindings}, inspection's {@code Inspections.find}), counted by
 * {@link org.xuncha.rectification.RedCardFigures}.
 * <p>{@code warning}: the overdue warnings 绿 / 黄 / 红 — each office's thresholds and the start dates kept on the
 * ledger's items, counted with {@link org.xuncha.rectification.WorkingDays} and recomputed by plan, calendar and
 * ledger when what they depend on changes; the levels themselves are {@code ledger.WarningLevel}.
 *
 * <p>For the checks after the ledger (issue 15: supervision's 回访, 专项督查 and 回头看):
 * {@link org.xuncha.rectification.RevisitOutcomes} reads an organization's items in an inspection under the ledger's
 * scope and carries out a check's result on one item — 确认整改到位 (the ledger unchanged), 二次整改 (the ledger's own
 * REOPEN move through {@code ledger.ItemReopening}, with its refusals, history and audit) or a
 * {@link org.xuncha.rectification.RedCardKind#REVISIT} red card — for the office of the item's body only.
 * <p>For issue 15's supervision letters: {@link org.xuncha.rectification.LedgerItemsOfOrganization} reads one
 * organization's items ({@link org.xuncha.rectification.LedgerItemOfOrganization}, with the ledger's warning) and
 * the reports it owes ({@link org.xuncha.rectification.ReportDueOfOrganization}) under LedgerScope's read rule.
 * <p>For supervision (issue 15): {@link org.xuncha.rectification.ClosureReadiness} answers 报结's ledger and report
 * conditions over every delivered feedback of an inspection; {@link org.xuncha.rectification.DisclosableItems} gives
 * the items 整改公开 drafts from (LedgerScope) and their 责任领导 / 经办人 only as a
 * {@link org.xuncha.rectification.LedgerPersonNames} set that prints no name;
 * {@link org.xuncha.rectification.RectificationDueWork} lists reports and items falling due for the daily reminders
 * (ids and dates only). A CLOSED inspection's data is read-only: {@code internal.ClosedInspections} refuses the
 * ledger's progress and moves and the plan's edits.
 * <p>For supervision's 整改质效评估 (issue 15): {@link org.xuncha.rectification.InspectionRedCardFigures} counts the
 * red cards of one organization within one inspection, under the same scope rule as RedCardFigures; the overdue
 * items of an organization are {@code due - onTime} of its {@link org.xuncha.rectification.RectificationCounts}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "整改",
        allowedDependencies = {"common", "platform", "audit", "identity", "inspection", "organization", "documents",
                "findings", "intake"})
package org.xuncha.rectification;
