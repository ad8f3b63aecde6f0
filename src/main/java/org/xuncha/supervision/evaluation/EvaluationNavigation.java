package org.xuncha.supervision.evaluation;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entries of the evaluation; they mirror the endpoints' role rules. */
@Configuration
class EvaluationNavigation {

    @Bean
    NavigationItem evaluationNav() {
        return new NavigationItem("督查与报结", "整改质效评估", "/supervision/evaluations", 708, Set.of(Role.OFFICE,
                Role.LEADER, Role.ORG_DEPT, Role.TARGET, Role.TEAM_LEADER, Role.TEAM_MEMBER));
    }

    @Bean
    NavigationItem evaluationModelNav() {
        return new NavigationItem("督查与报结", "评估指标模型", "/supervision/evaluation-models", 707, Set.of(Role.OFFICE));
    }
}
