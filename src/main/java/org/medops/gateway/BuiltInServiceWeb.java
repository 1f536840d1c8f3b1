package org.medops.gateway;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.shared.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console side of built-in services: every request under {@code /builtin/} must carry the gateway's proof
 * ({@link GatewayCallers}); without one it is answered 401 before security, controllers or anything else see it.
 * Handlers take the admitted {@link GatewayCaller} as a parameter.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class BuiltInServiceWeb implements WebMvcConfigurer {

    static final String PATH = "/builtin/";
    private static final String CALLER = GatewayCaller.class.getName();

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> builtInServiceProof(GatewayCallers callers, ProblemResponses problems) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                var caller = callers.verify(request);
                if (caller.isEmpty()) {
                    problems.write(request, response, HttpStatus.UNAUTHORIZED, "gateway-proof-invalid");
                    return;
                }
                request.setAttribute(CALLER, caller.get());
                chain.doFilter(request, response);
            }

            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !request.getRequestURI().startsWith(PATH);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20); // before Spring Security's chain
        registration.setUrlPatterns(List.of(PATH + "*"));
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == GatewayCaller.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                          NativeWebRequest request, WebDataBinderFactory binders) {
                Object caller = request.getAttribute(CALLER, NativeWebRequest.SCOPE_REQUEST);
                if (caller == null) {
                    throw new IllegalStateException("a GatewayCaller parameter outside " + PATH);
                }
                return caller;
            }
        });
    }
}
