/**
 * 届期规划与全覆盖: terms (届) and term plans — approval, reasoned changes, Excel import and export — and full
 * coverage (全覆盖) of the planned organizations by the inspections that reached feedback.
 */
@org.springframework.modulith.ApplicationModule(displayName = "届期规划与全覆盖")
package org.xuncha.planning;
