package org.xuncha.audit.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

@Configuration
class AuditNavigation {

    @Bean
    NavigationItem auditLogNavigation() {
        return new NavigationItem("安全审计", "审计日志", "/audit", 900, Set.of(Role.AUDITOR));
    }
}
