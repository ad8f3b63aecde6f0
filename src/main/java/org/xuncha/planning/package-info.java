/**
 * 届期规划与全覆盖: terms (届) and term plans — approval, reasoned changes, Excel import and export — and full
 * coverage (全覆盖) of the planned organizations by the inspections that reached feedback.
 *
 * <p>API: none; no other module calls it. Coverage reads {@code inspection.InspectionStage} for the stages that
 * count as covered.
 */
@org.springframework.modulith.ApplicationModule(displayName = "届期规划与全覆盖",
        allowedDependencies = {"common", "platform", "audit", "organization", "inspection"})
package org.xuncha.planning;
