package org.xuncha.referral.receiving;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entry of the receivers' worklist; it mirrors the endpoints' role rules. */
@Configuration
class ReceivingNavigation {

    @Bean
    NavigationItem receivedTransfersNav() {
        return new NavigationItem("线索移交", "移交件", "/referrals/received", 520,
                Set.of(Role.DISCIPLINE, Role.ORG_DEPT, Role.COLLABORATOR));
    }
}
