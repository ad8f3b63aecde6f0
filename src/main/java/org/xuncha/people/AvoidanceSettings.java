package org.xuncha.people;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The office's choice for {@link Avoidance}: {@code xuncha.avoidance.posting-years} (XUNCHA_AVOIDANCE_POSTING_YEARS)
 * is how many years back a posting still binds; 0, the default, binds every posting.
 */
@Configuration(proxyBeanMethods = false)
class AvoidanceSettings {

    @Bean
    Avoidance avoidance(@Value("${xuncha.avoidance.posting-years:0}") int postingYears) {
        return new Avoidance(postingYears);
    }
}
