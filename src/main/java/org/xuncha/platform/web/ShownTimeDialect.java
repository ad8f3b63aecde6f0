package org.xuncha.platform.web;

import java.time.Clock;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/** Gives every template {@code #times}, a {@link ShownTime} on the business clock (Spring Boot adds dialect beans). */
@Component
class ShownTimeDialect extends AbstractDialect implements IExpressionObjectDialect {

    static final String NAME = "times";

    private final ShownTime times;

    ShownTimeDialect(Clock clock) {
        super("xuncha-shown-time");
        this.times = new ShownTime(clock);
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return NAME.equals(expressionObjectName) ? times : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
