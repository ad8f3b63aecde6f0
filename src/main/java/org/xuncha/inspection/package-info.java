/**
 * 轮次与巡察: rounds (轮次) and their timeline, inspections with their mode and organization forms, targets, teams
 * entered by hand with avoidance (四回避), the stage machine (DESIGN §3) and the entry announcement (进驻公告) with its
 * public channel code.
 */
@org.springframework.modulith.ApplicationModule(displayName = "轮次与巡察")
package org.xuncha.inspection;
