package org.xuncha.staffing.solver;

/**
 * One seat of a plan: team id, role and 1-based index among that team's seats of the role. The contract's plan
 * lists assignments in seat order, so the n-th assignment of (team, role) sits in seat n.
 */
public record SeatKey(String team, Role role, int index) {

    /** Parses {@code team:ROLE:index} as written by {@link #toString()}; null when malformed. */
    public static SeatKey parse(String text) {
        if (text == null) {
            return null;
        }
        int b = text.lastIndexOf(':');
        int a = b < 0 ? -1 : text.lastIndexOf(':', b - 1);
        if (a <= 0) {
            return null;
        }
        try {
            int index = Integer.parseInt(text.substring(b + 1));
            return index < 1 ? null : new SeatKey(text.substring(0, a), Role.valueOf(text.substring(a + 1, b)), index);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return team + ":" + role.name() + ":" + index;
    }
}
