/**
 * The talent pool (巡察人才库): inspectors with the places that avoidance is checked against, skills,
 * rank, availability, declared relatives and previous assignments.
 * API: {@link org.xuncha.people.TalentPool} ({@code profile}, {@code profiles} and {@code names} with the
 * {@link org.xuncha.people.InspectorProfile} read model for teams and team formation, {@code enroll} with
 * {@link org.xuncha.people.InspectorDraft}), {@link org.xuncha.people.TeamRole}, {@link org.xuncha.people.Rank},
 * {@link org.xuncha.people.Skill}; {@link org.xuncha.people.Avoidance}, the one avoidance rule every module that makes
 * or checks a team membership uses (inspection, staffing, demo); the pages, imports, updates and identity numbers stay
 * inside.
 */
@org.springframework.modulith.ApplicationModule(displayName = "巡察人才库",
        allowedDependencies = {"common", "platform", "audit", "organization"})
package org.xuncha.people;
