package org.medops.identity;

import java.time.Clock;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.settings.Settings;
import org.medops.shared.AuditableEvent.Outcome;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * Two filter chains: the REST API answers 401/403 as problem details and accepts a bearer token or
 * a console session; the console uses form login. Both audit denials and force password changes.
 */
@ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, Users users, ProblemResponses problems,
                            ApplicationEventPublisher events, Clock clock) throws Exception {
        SessionRevalidationFilter revalidation = new SessionRevalidationFilter(users, problems, clock);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens, users, problems, clock),
                        AnonymousAuthenticationFilter.class)
                .addFilterBefore(revalidation, AuthorizationFilter.class)
                .addFilterAfter(new PasswordChangeRequiredFilter(problems), SessionRevalidationFilter.class)
                // A bearer token cannot be forged cross-site; a session cookie can, so it needs CSRF.
                .csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::carriesToken,
                        request -> request.getRequestURI().equals("/api/v1/auth/token")))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) ->
                                problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated"))
                        .accessDeniedHandler(denied(events, (request, response) ->
                                problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden"))));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http, ProblemResponses problems, Settings settings,
                                ApplicationEventPublisher events, Users users, Clock clock) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login", "/webjars/**", "/_static/**", "/css/**", "/js/**", "/favicon.ico", "/error",
                                "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs/**").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new SessionRevalidationFilter(users, problems, clock), AuthorizationFilter.class)
                .addFilterAfter(new PasswordChangeRequiredFilter(problems), SessionRevalidationFilter.class)
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(loginSucceeded(settings))
                        .failureHandler(loginFailed())
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(loggedOut(events)))
                .headers(headers -> headers.frameOptions(frame -> frame.deny()))
                .exceptionHandling(errors -> errors.accessDeniedHandler(denied(events, (request, response) -> {
                    response.setStatus(HttpStatus.FORBIDDEN.value());
                    request.getRequestDispatcher("/denied").forward(request, response);
                })));
        return http.build();
    }

    private static AuthenticationSuccessHandler loginSucceeded(Settings settings) {
        SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
        next.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            request.getSession().setMaxInactiveInterval((int) settings.current().sessionTimeout().toSeconds());
            if (authentication.getPrincipal() instanceof CurrentUser user && user.mustChangePassword()) {
                response.sendRedirect(request.getContextPath() + PasswordChangeRequiredFilter.CHANGE_PAGE);
            } else {
                next.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    private static AuthenticationFailureHandler loginFailed() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) ->
                response.sendRedirect(request.getContextPath() + "/login?error");
    }

    private static LogoutSuccessHandler loggedOut(ApplicationEventPublisher events) {
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            if (authentication != null) {
                events.publishEvent(IdentityAudit.login("logout", authentication.getName(), Outcome.SUCCESS, null));
            }
            response.sendRedirect(request.getContextPath() + "/login?logout");
        };
    }

    private static AccessDeniedHandler denied(ApplicationEventPublisher events, DeniedResponse response) {
        return (HttpServletRequest request, HttpServletResponse servletResponse, AccessDeniedException e) -> {
            events.publishEvent(new IdentityAudit("access.denied", "path",
                    request.getMethod() + " " + request.getRequestURI(), Outcome.DENIED, java.util.List.of(), null));
            response.send(request, servletResponse);
        };
    }

    @FunctionalInterface
    interface DeniedResponse {
        void send(HttpServletRequest request, HttpServletResponse response)
                throws java.io.IOException, jakarta.servlet.ServletException;
    }
}
