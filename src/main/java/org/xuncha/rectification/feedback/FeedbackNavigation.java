package org.xuncha.rectification.feedback;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entries of the 反馈意见 and the reporting requirement; they mirror the endpoints' role rules. */
@Configuration
class FeedbackNavigation {

    @Bean
    NavigationItem feedbackNav() {
        return new NavigationItem("巡察整改", "反馈意见", "/rectification/feedback", 600,
                Set.of(Role.OFFICE, Role.LEADER, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.DISCIPLINE, Role.ORG_DEPT,
                        Role.TARGET));
    }

    @Bean
    NavigationItem feedbackTermNav() {
        return new NavigationItem("巡察整改", "整改报送期限", "/rectification/feedback/settings", 691, Set.of(Role.OFFICE));
    }
}
