package org.xuncha.documents;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** 文书模板 in the left navigation; like its controller, for the office only. */
@Configuration
class DocumentTemplateNavigation {

    @Bean
    NavigationItem documentTemplatesNavItem() {
        return new NavigationItem("基础数据", "文书模板", "/document-templates", 130, Set.of(Role.OFFICE));
    }
}
