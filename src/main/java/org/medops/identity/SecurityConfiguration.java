package org.medops.identity;

import java.time.Clock;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.settings.Settings;
import org.medops.shared.AuditableEvent.Outcome;
import org.medops.shared.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
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

    static final String PORTAL_LOGIN = "/portal/login";
    /** Self-registration of developers: the one API call anyone may make without signing in. */
    static final String REGISTRATION_API = "/api/v1/portal/registrations";

    /**
     * The Prometheus endpoint: the configured scrape token, or an API token / session holding
     * {@code gateway:node:read} ({@link ScrapeAccess}); never public.
     */
    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http, ApiTokens tokens, ApiKeys keys, Users users, ProblemResponses problems,
                                ApplicationEventPublisher events, AnonymousDenials anonymous, Clock clock,
                                @Value("${medops.metrics.token:}") String scrapeToken) throws Exception {
        http.securityMatcher("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**")
                .authorizeHttpRequests(requests -> requests
                        .anyRequest().hasAnyAuthority(ScrapeAccess.SCRAPE, "gateway:node:read"))
                .addFilterBefore(new ScrapeAccess(scrapeToken, new BearerTokenFilter(tokens, keys, users, problems, clock)),
                        AnonymousAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable()) // read-only GETs
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthenticated(anonymous, problems))
                        .accessDeniedHandler(denied(events, (request, response) ->
                                problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden"))));
        return http.build();
    }

    /**
     * Built-in services ({@code /builtin/**}): called only by the gateway on a channel's behalf, never by a person; the
     * gateway's proof was checked before this chain (gateway.BuiltInServiceWeb), so no session, no CSRF, no login.
     */
    @Bean
    @Order(0)
    SecurityFilterChain builtInServiceCalls(HttpSecurity http) throws Exception {
        http.securityMatcher("/builtin/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ApiKeys keys, Users users, ProblemResponses problems,
                            ApplicationEventPublisher events, AnonymousDenials anonymous, Clock clock)
            throws Exception {
        SessionRevalidationFilter revalidation = new SessionRevalidationFilter(users, problems, clock, "/login");
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .requestMatchers(HttpMethod.POST, REGISTRATION_API).permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens, keys, users, problems, clock),
                        AnonymousAuthenticationFilter.class)
                .addFilterBefore(revalidation, AuthorizationFilter.class)
                .addFilterAfter(new PasswordChangeRequiredFilter(problems), SessionRevalidationFilter.class)
                .addFilterAfter(new EnrolmentRequiredFilter(problems), PasswordChangeRequiredFilter.class)
                // A bearer token cannot be forged cross-site; a session cookie can, so it needs CSRF.
                .csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::carriesToken,
                        request -> request.getRequestURI().equals("/api/v1/auth/token")
                                || request.getRequestURI().equals(REGISTRATION_API)))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthenticated(anonymous, problems))
                        .accessDeniedHandler(apiDenied(anonymous, problems, denied(events, (request, response) ->
                                problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden")))));
        return http.build();
    }

    /** An API caller without credentials: 401, and a record in the trail only within the anonymous limit. */
    private static AuthenticationEntryPoint unauthenticated(AnonymousDenials anonymous, ProblemResponses problems) {
        return (request, response, e) -> {
            anonymous.refused(request, "unauthenticated");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated");
        };
    }

    /**
     * The CSRF filter refuses before anyone is authenticated: a write without credentials (and without a
     * session, so no CSRF token either) is unauthenticated, a 401, not a forbidden 403.
     */
    private static AccessDeniedHandler apiDenied(AnonymousDenials anonymous, ProblemResponses problems,
                                                 AccessDeniedHandler signedIn) {
        return (request, response, e) -> {
            if (AnonymousDenials.anonymous(SecurityContextHolder.getContext().getAuthentication())) {
                unauthenticated(anonymous, problems).commence(request, response, null);
            } else {
                signedIn.handle(request, response, e);
            }
        };
    }

    /**
     * The developer portal's own login area: same session and accounts, but its own login page, and
     * logging out returns there. Registration is open to anyone; the account waits for approval.
     */
    @Bean
    @Order(2)
    SecurityFilterChain portal(HttpSecurity http, ProblemResponses problems, Settings settings,
                               ApplicationEventPublisher events, AnonymousDenials anonymous, Users users, Clock clock,
                               @Value("${medops.identity.superuser-session-timeout:15m}") java.time.Duration superuser)
            throws Exception {
        http.securityMatcher("/portal/**")
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers(PORTAL_LOGIN, "/portal/register").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new SessionRevalidationFilter(users, problems, clock, PORTAL_LOGIN),
                        AuthorizationFilter.class)
                .addFilterAfter(new PasswordChangeRequiredFilter(problems), SessionRevalidationFilter.class)
                .addFilterAfter(new EnrolmentRequiredFilter(problems), PasswordChangeRequiredFilter.class)
                .formLogin(form -> form.loginPage(PORTAL_LOGIN)
                        .successHandler(loginSucceeded(settings, superuser, "/portal"))
                        .failureHandler(loginFailed(PORTAL_LOGIN, clock))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/portal/logout").logoutSuccessHandler(loggedOut(events, PORTAL_LOGIN)))
                .headers(headers -> headers.frameOptions(frame -> frame.deny()))
                .exceptionHandling(errors -> errors.accessDeniedHandler(pageDenied(anonymous, events, (request, response) -> {
                    response.setStatus(HttpStatus.FORBIDDEN.value());
                    request.getRequestDispatcher("/denied").forward(request, response);
                })));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain console(HttpSecurity http, ProblemResponses problems, Settings settings,
                                ApplicationEventPublisher events, AnonymousDenials anonymous, Users users, Clock clock,
                                @Value("${medops.identity.superuser-session-timeout:15m}") java.time.Duration superuser)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login", SecondStepController.PAGE, "/webjars/**", "/_static/**", "/css/**", "/js/**", "/favicon.ico", "/error",
                                "/actuator/health/**", "/v3/api-docs/**").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new SessionRevalidationFilter(users, problems, clock, "/login"), AuthorizationFilter.class)
                .addFilterAfter(new PasswordChangeRequiredFilter(problems), SessionRevalidationFilter.class)
                .addFilterAfter(new EnrolmentRequiredFilter(problems), PasswordChangeRequiredFilter.class)
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(loginSucceeded(settings, superuser, "/"))
                        .failureHandler(loginFailed("/login", clock))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(loggedOut(events, "/login")))
                .headers(headers -> headers.frameOptions(frame -> frame.deny()))
                .exceptionHandling(errors -> errors.accessDeniedHandler(pageDenied(anonymous, events, (request, response) -> {
                    response.setStatus(HttpStatus.FORBIDDEN.value());
                    request.getRequestDispatcher("/denied").forward(request, response);
                })));
        return http.build();
    }

    /** Developers land in the portal, staff in the console, whichever login page they used. */
    private static AuthenticationSuccessHandler loginSucceeded(Settings settings, java.time.Duration superuser,
                                                               String home) {
        SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
        next.setDefaultTargetUrl(home);
        return (request, response, authentication) -> {
            request.getSession().setMaxInactiveInterval((int) sessionTimeout(settings, superuser, authentication).toSeconds());
            boolean developer = DeveloperAccounts.isDeveloper(authentication);
            if (authentication.getPrincipal() instanceof CurrentUser user && user.mustChangePassword()) {
                response.sendRedirect(request.getContextPath() + PasswordChangeRequiredFilter.CHANGE_PAGE);
            } else if (EnrolmentRequiredFilter.enrolOnly(authentication)) {
                response.sendRedirect(request.getContextPath() + EnrolmentRequiredFilter.SECURITY_PAGE);
            } else if (developer != home.startsWith("/portal")) {
                response.sendRedirect(request.getContextPath() + (developer ? "/portal" : "/"));
            } else {
                next.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    /**
     * Superuser accounts (the separated administrators, and those that must still enrol their second factor) get
     * the shorter idle timeout, never a longer one than the platform's.
     */
    static java.time.Duration sessionTimeout(Settings settings, java.time.Duration superuser, Authentication authentication) {
        java.time.Duration platform = settings.current().sessionTimeout();
        boolean superuserAccount = EnrolmentRequiredFilter.enrolOnly(authentication) || !Duty.of(
                authentication.getAuthorities().stream().map(a -> a.getAuthority()).toList()).isEmpty();
        return superuserAccount && superuser.compareTo(platform) < 0 ? superuser : platform;
    }

    /**
     * A right password on an account not yet approved gets a clear answer; a right password on an account with a
     * second factor leads to the code's page; every other failure looks alike.
     */
    private static AuthenticationFailureHandler loginFailed(String loginPage, Clock clock) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            if (e instanceof PasswordLoginProvider.SecondFactorRequired pending) {
                SecondStepController.remember(request, pending.username(), loginPage, clock.instant());
                response.sendRedirect(request.getContextPath() + SecondStepController.PAGE);
                return;
            }
            response.sendRedirect(request.getContextPath() + loginPage
                    + (e instanceof PasswordLoginProvider.NotApproved notApproved
                    ? "?" + notApproved.reason() : "?error"));
        };
    }

    private static LogoutSuccessHandler loggedOut(ApplicationEventPublisher events, String loginPage) {
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            if (authentication != null) {
                events.publishEvent(IdentityAudit.login("logout", authentication.getName(), Outcome.SUCCESS, null));
            }
            response.sendRedirect(request.getContextPath() + loginPage + "?logout");
        };
    }

    /** A page refused to someone not signed in (a form posted without session and CSRF token): throttled. */
    private static AccessDeniedHandler pageDenied(AnonymousDenials anonymous, ApplicationEventPublisher events,
                                                  DeniedResponse response) {
        AccessDeniedHandler signedIn = denied(events, response);
        return (request, servletResponse, e) -> {
            if (AnonymousDenials.anonymous(SecurityContextHolder.getContext().getAuthentication())) {
                anonymous.refused(request, "csrf");
                response.send(request, servletResponse);
            } else {
                signedIn.handle(request, servletResponse, e);
            }
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
