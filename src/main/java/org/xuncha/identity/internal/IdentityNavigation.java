package org.xuncha.identity.internal;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** This module's entries of the left navigation. */
@Configuration
class IdentityNavigation {

    @Bean
    NavigationItem identityNavigationAccounts() {
        return new NavigationItem("系统管理", "账号管理", "/admin/accounts", 900, Set.of(Role.SYS_ADMIN));
    }

    @Bean
    NavigationItem identityNavigationRoles() {
        return new NavigationItem("系统管理", "角色与安全策略", "/admin/roles", 910, Set.of(Role.SEC_ADMIN));
    }

    @Bean
    NavigationItem identityNavigationPassword() {
        return new NavigationItem("个人设置", "修改密码", "/account/password", 990, EnumSet.allOf(Role.class));
    }
}
