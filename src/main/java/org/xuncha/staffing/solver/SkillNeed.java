package org.xuncha.staffing.solver;

/** Planning fact: a team should have {@code count} members with {@code skill}. */
public record SkillNeed(Team team, String skill, int count) {
}
