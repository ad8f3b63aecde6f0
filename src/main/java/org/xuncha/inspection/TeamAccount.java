package org.xuncha.inspection;

/** An account of the inspection's body with a team role, which a team member's row may be linked to. */
public record TeamAccount(long id, String username) {
}
