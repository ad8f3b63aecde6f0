/**
 * Accounts, roles, sign-in and the caller's {@link org.xuncha.common.DataScope}.
 * Controllers of any module take a {@code DataScope} parameter; this module resolves it from the session.
 * Pages: the home page per role, {@code /admin/accounts} (SYS_ADMIN), {@code /admin/roles} (SEC_ADMIN, with the
 * 三员 rules of {@code internal.RoleRules}), {@code /account/password}; API: {@code GET /api/me}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "用户与权限",
        allowedDependencies = {"common", "platform", "audit", "organization"})
package org.xuncha.identity;
