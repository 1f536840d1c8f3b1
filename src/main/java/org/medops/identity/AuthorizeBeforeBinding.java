package org.medops.identity;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks a handler's {@code @PreAuthorize} as soon as the handler is chosen, before its arguments are
 * read and validated: method security alone runs after binding, so a caller without the permission
 * learned which fields a body needs (a 400 with field errors) instead of getting a 403. The annotation
 * stays the one statement of the rule; method security still enforces it on the call itself. A
 * refusal here goes the same way as method security's: the security filters answer it and audit it.
 */
@ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
class AuthorizeBeforeBinding implements WebMvcConfigurer, HandlerInterceptor {

    /** No expression names a method argument (they are not read yet): each is about the caller only. */
    private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            Supplier<Authentication> caller = () -> SecurityContextHolder.getContext().getAuthentication();
            AuthorizationResult result = preAuthorize.authorize(caller, new SimpleMethodInvocation(method.getBean(),
                    method.getMethod(), new Object[method.getMethod().getParameterCount()]));
            if (result != null && !result.isGranted()) {
                throw new AuthorizationDeniedException("Access Denied", result);
            }
        }
        return true;
    }
}
