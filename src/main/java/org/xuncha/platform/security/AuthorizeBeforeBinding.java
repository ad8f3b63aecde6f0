package org.xuncha.platform.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.ExpressionUtils;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks a controller's role rule ({@code @PreAuthorize} on the method or the class) before its arguments are
 * bound. Method security alone runs after binding, so a denied caller sending an incomplete form or body would
 * get 400 and learn about the endpoint's inputs; here it gets 403 like every other denial. Expressions that
 * refer to arguments ({@code #name}) are left to method security, which still checks every rule afterwards.
 */
@Configuration
class AuthorizeBeforeBinding implements HandlerInterceptor, WebMvcConfigurer {

    private final DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
    private final Map<HandlerMethod, Expression> expressions = new ConcurrentHashMap<>();
    private static final Expression NONE = new org.springframework.expression.common.LiteralExpression("none");

    AuthorizeBeforeBinding(ApplicationContext context) {
        handler.setApplicationContext(context);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object candidate) {
        if (!(candidate instanceof HandlerMethod method)) {
            return true;
        }
        Expression expression = expressions.computeIfAbsent(method, this::expression);
        if (expression == NONE) {
            return true;
        }
        EvaluationContext context = handler.createEvaluationContext(
                () -> SecurityContextHolder.getContext().getAuthentication(),
                new SimpleMethodInvocation(method.getBean(), method.getMethod()));
        if (!ExpressionUtils.evaluateAsBoolean(expression, context)) {
            throw new AccessDeniedException("Access Denied");
        }
        return true;
    }

    private Expression expression(HandlerMethod method) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
        }
        if (rule == null || rule.value().contains("#")) {
            return NONE;
        }
        return handler.getExpressionParser().parseExpression(rule.value());
    }
}
