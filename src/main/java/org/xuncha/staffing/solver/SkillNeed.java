package org.xuncha.staffing.solver;

/**
 * Planning fact: team {@code teamId} should have {@code count} members with {@code skill}. It names the team by id:
 * teams are planning entities, cloned with the solution, while facts are shared between clones.
 */
public record SkillNeed(String teamId, String skill, int count) {
}
