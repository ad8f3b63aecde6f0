package org.xuncha.testing;

import java.time.Clock;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.xuncha.platform.time.BusinessClock;

/**
 * Gives every application context the test suite starts (listed in {@code META-INF/spring.factories}, like
 * {@link TestDatabaseEnvironment}, so it covers {@code @SpringBootTest} contexts and those a test builds itself) a
 * {@link TestClock} in its business zone ({@code xuncha.zone}) as the primary {@link Clock}, in place of
 * {@link BusinessClock}'s system clock.
 */
public class TestClockInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN = "testClock";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!(context instanceof GenericApplicationContext registry)) {
            throw new IllegalStateException("test clock: unexpected context " + context.getClass().getName());
        }
        if (registry.containsBeanDefinition(BEAN)) {
            return;
        }
        registry.registerBean(BEAN, TestClock.class,
                () -> new TestClock(BusinessClock.zone(context.getEnvironment().getProperty("xuncha.zone"))),
                definition -> definition.setPrimary(true));
    }
}
