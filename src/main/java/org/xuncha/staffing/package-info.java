/**
 * Team formation (巡察组组建): staffs the teams of a round from the talent pool with the four avoidances (四回避),
 * relatives, can-lead, push-mill rotation (推磨式) and local liaison seats, by constraint solving (Timefold). The
 * JSON contract is {@code docs/formats/team-formation.md}; the command is {@code team-formation}.
 *
 * <p>It reads no table of another module: which inspections are in preparation and which of them have a leader is
 * its own record ({@code staffing_inspection}, {@code staffing_team_seat}), kept by {@code InspectionsInPreparation}
 * from inspection's events; rounds, inspections, teams and the talent pool come from their modules' APIs, round and
 * body names of runs from their owners' read views.
 */
@org.springframework.modulith.ApplicationModule(displayName = "巡察组组建",
        allowedDependencies = {"common", "platform", "audit", "organization", "people", "inspection"})
package org.xuncha.staffing;
