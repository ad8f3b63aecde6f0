package org.xuncha.identity;

import org.xuncha.common.UserId;

/**
 * Asks the signed-in account for its password again before an act that must be the account holder's own (the
 * 主要负责人's 签字背书 of a rectification plan). A wrong password counts towards the sign-in lock like a failed
 * sign-in (5 in a row lock the account for 15 minutes and end its sessions), so a session left open cannot be used
 * to guess it; the count is committed even when the caller's transaction rolls back. The password is never logged.
 */
public interface PasswordReentry {

    /** Whether {@code password} is the current password of {@code user}, an enabled account that is not locked. */
    boolean confirms(UserId user, String password);
}
