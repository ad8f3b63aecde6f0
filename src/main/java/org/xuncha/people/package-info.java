/**
 * The talent pool (巡察人才库): inspectors with the places that avoidance is checked against, skills,
 * rank, availability, declared relatives and previous assignments.
 * API: {@link org.xuncha.people.TalentPool} (enrol, update, availability, relatives, lookups, the batch
 * {@code enrollAll} for imports, {@link org.xuncha.people.InspectorProfile} read model for team formation),
 * {@link org.xuncha.people.IdentityNumber}. Depends on common, platform, audit and organization's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "巡察人才库")
package org.xuncha.people;
