/**
 * 届期规划与巡察: terms and term plans (全覆盖), rounds (轮次), inspections with their mode and organization forms,
 * targets and teams, the stage machine (docs/design.md §3), the entry announcement (进驻公告) with its public channel code,
 * and pre-inspection information requests to collaborating departments (巡前通报).
 */
@org.springframework.modulith.ApplicationModule(displayName = "届期规划与巡察")
package org.xuncha.planning;
