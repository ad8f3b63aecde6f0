package org.xuncha.testing;

import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Puts the context's {@link TestClock} back after a test moved it: after each test method to where it stood before
 * the method (so a class may set it once in {@code @BeforeAll}), after each test class to the suite's time, so a
 * moved clock never leaks into the next class sharing the cached context. Listed in {@code META-INF/spring.factories}.
 */
public class TestClockReset implements TestExecutionListener, Ordered {

    private static final String BEFORE = TestClockReset.class.getName() + ".before";

    @Override
    public void beforeTestMethod(TestContext context) {
        clock(context).ifPresent(c -> context.setAttribute(BEFORE, c.setting()));
    }

    @Override
    public void afterTestMethod(TestContext context) {
        Object saved = context.removeAttribute(BEFORE);
        if (saved instanceof TestClock.Setting setting) {
            clock(context).ifPresent(c -> c.restore(setting));
        }
    }

    @Override
    public void afterTestClass(TestContext context) {
        clock(context).ifPresent(TestClock::reset);
    }

    @Override
    public int getOrder() {
        return 100;
    }

    private static Optional<TestClock> clock(TestContext context) {
        if (!context.hasApplicationContext()) {
            return Optional.empty();
        }
        return Optional.ofNullable(context.getApplicationContext().getBeanProvider(TestClock.class).getIfAvailable());
    }
}
