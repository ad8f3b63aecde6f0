package org.xuncha.rectification.ledger;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entries of the ledger and its figures; they mirror the endpoints' role rules. */
@Configuration
class LedgerNavigation {

    static final Set<Role> READERS = Set.of(Role.OFFICE, Role.LEADER, Role.TARGET, Role.DISCIPLINE, Role.ORG_DEPT,
            Role.TEAM_LEADER, Role.TEAM_MEMBER);

    @Bean
    NavigationItem ledgerNav() {
        return new NavigationItem("巡察整改", "整改台账", "/rectification/ledger", 640, READERS);
    }

    @Bean
    NavigationItem ledgerFiguresNav() {
        return new NavigationItem("巡察整改", "整改统计", "/rectification/ledger/figures", 645, READERS);
    }
}
