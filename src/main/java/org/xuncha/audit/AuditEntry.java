package org.xuncha.audit;

/**
 * What one audit record says. {@code detail} is short, free of names, phone numbers, identity numbers and
 * report text (docs/security.md "Logs"): ids and codes only.
 *
 * @param actor      username of who acted, or "system" / "public"
 * @param actorId    account id, when there is one
 * @param action     a stable upper-case code, e.g. LOGIN, ORGANIZATION_CREATED, EXPORT
 * @param objectType the kind of object acted on, e.g. PartyOrganization
 * @param objectId   its id, as text
 */
public record AuditEntry(String actor, Long actorId, String action, String objectType, String objectId,
                         AuditOutcome outcome, String detail) {

    public AuditEntry {
        if (actor == null || actor.isBlank() || action == null || action.isBlank() || outcome == null) {
            throw new IllegalArgumentException("actor, action and outcome are required");
        }
        if (detail != null && detail.length() > 500) {
            detail = detail.substring(0, 500);
        }
    }
}
