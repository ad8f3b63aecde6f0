/**
 * 轮次与巡察: rounds (轮次) and their timeline, inspections with their mode and organization forms, targets, teams
 * entered by hand with avoidance (四回避), the stage machine (docs/design.md §3) and the entry announcement (进驻公告) with its
 * public channel code and its Word document.
 *
 * <p>API: {@link org.xuncha.inspection.Inspections} (read in scope, create), {@link org.xuncha.inspection.TeamMemberships}
 * (assign with avoidance, {@code memberProblem}, engaged inspectors, team accounts), {@link org.xuncha.inspection.Rounds}
 * (read), {@link org.xuncha.inspection.EntryAnnouncements#channel} (the public side, by code), their views and the
 * enums {@link org.xuncha.inspection.InspectionStage}, {@link org.xuncha.inspection.InspectionMode},
 * {@link org.xuncha.inspection.InspectionForm}. Implements {@code identity.TeamAssignments} and registers the entry
 * announcement as a document kind with {@code documents}.
 *
 * <p>Events (past-tense records in this package, published in the transaction that makes the change, kept by the
 * event publication registry until every listener has handled them): {@link org.xuncha.inspection.InspectionPlanned};
 * the stage moves, all {@link org.xuncha.inspection.InspectionStageReached}:
 * {@link org.xuncha.inspection.InspectionStationed} (进驻), {@link org.xuncha.inspection.InspectionWithdrawn} (撤离,
 * → REPORTING), {@link org.xuncha.inspection.FeedbackDelivered}, {@link org.xuncha.inspection.RectificationStarted},
 * {@link org.xuncha.inspection.InspectionClosed}; {@link org.xuncha.inspection.ReportSubmitted} (报送巡察报告, inside
 * REPORTING); {@link org.xuncha.inspection.TeamMemberAssigned},
 * {@link org.xuncha.inspection.TeamMemberRemoved}. Each carries typed ids and what a listener needs to file it from
 * that one event, since listeners may see them repeated or out of order.
 *
 * <p>Read views (V8_12) other modules may join in their scoped, paged SQL, and only read; every other table of this
 * module is private to it:
 * <ul>
 *   <li>{@code inspection_scope_view}: id, body_id, round_id, team_name, stage, form_cross, stationed_on,
 *       withdrawn_on, feedback_on, closed_on;</li>
 *   <li>{@code inspection_target_view}: inspection_id, organization_id, extended_from;</li>
 *   <li>{@code inspection_round_view}: id, body_id, term_id, ordinal, name, planned_station_on, planned_withdraw_on,
 *       planned_feedback_on.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "轮次与巡察",
        allowedDependencies = {"common", "platform", "audit", "organization", "people", "identity", "documents"})
package org.xuncha.inspection;
