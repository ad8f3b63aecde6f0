/**
 * 轮次与巡察: rounds (轮次) and their timeline, inspections with their mode and organization forms, targets, teams
 * entered by hand with avoidance (四回避), the stage machine (DESIGN §3) and the entry announcement (进驻公告) with its
 * public channel code and its Word document.
 *
 * <p>API: {@link org.xuncha.inspection.Inspections} (read in scope, create), {@link org.xuncha.inspection.TeamMemberships}
 * (assign with avoidance, {@code memberProblem}, engaged inspectors, team accounts), {@link org.xuncha.inspection.Rounds}
 * (read), {@link org.xuncha.inspection.EntryAnnouncements#channel} (the public side, by code), their views and the
 * enums {@link org.xuncha.inspection.InspectionStage}, {@link org.xuncha.inspection.InspectionMode},
 * {@link org.xuncha.inspection.InspectionForm}. Implements {@code identity.TeamAssignments} and registers the entry
 * announcement's placeholders with {@code documents}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "轮次与巡察",
        allowedDependencies = {"common", "platform", "audit", "organization", "people", "identity", "documents"})
package org.xuncha.inspection;
