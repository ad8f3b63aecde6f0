/**
 * 届期规划与全覆盖: terms (届) and term plans — approval, reasoned changes, Excel import and export — and full
 * coverage (全覆盖) of the planned organizations by the inspections that reached feedback.
 *
 * <p>API: none; no other module calls it. Coverage reads {@code inspection.InspectionStage} for the stages that
 * count as covered.
 *
 * <p>Read view (V8_12) other modules may join in their SQL, and only read: {@code term_view} (id, body_id, name,
 * first_year, last_year), which {@code inspection} plans its rounds in (it cannot call this module, which depends on
 * it). Every other table of this module is private to it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "届期规划与全覆盖",
        allowedDependencies = {"common", "platform", "audit", "organization", "inspection", "identity"})
package org.xuncha.planning;
