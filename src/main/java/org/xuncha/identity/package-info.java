/**
 * Accounts, roles, sign-in and the caller's {@link org.xuncha.common.DataScope}.
 * Controllers of any module take a {@code DataScope} parameter; this module resolves it from the session.
 */
@org.springframework.modulith.ApplicationModule(displayName = "用户与权限")
package org.xuncha.identity;
