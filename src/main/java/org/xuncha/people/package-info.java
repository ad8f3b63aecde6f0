/**
 * The talent pool (巡察人才库): inspectors with the places that avoidance is checked against, skills,
 * rank, availability, declared relatives and previous assignments.
 */
@org.springframework.modulith.ApplicationModule(displayName = "巡察人才库")
package org.xuncha.people;
