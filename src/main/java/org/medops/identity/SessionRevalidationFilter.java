package org.medops.identity;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.medops.shared.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A console session is checked against the account on every request: disabling or locking ends it
 * at once, and changed roles apply at the next click instead of the next login.
 */
class SessionRevalidationFilter extends OncePerRequestFilter {

    private final Users users;
    private final ProblemResponses problems;
    private final java.time.Clock clock;
    private final String loginPage;

    SessionRevalidationFilter(Users users, ProblemResponses problems, java.time.Clock clock, String loginPage) {
        this.users = users;
        this.problems = problems;
        this.clock = clock;
        this.loginPage = loginPage;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (BearerTokenFilter.carriesToken(request) || authentication == null
                || !(authentication.getPrincipal() instanceof CurrentUser current)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<User> user = users.findByUsername(current.username())
                .filter(u -> u.enabled() && !u.awaitingApproval() && !u.isLocked(clock.instant()));
        if (user.isEmpty()) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            if (request.getRequestURI().startsWith("/api/")) {
                problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated");
            } else {
                response.sendRedirect(request.getContextPath() + loginPage + "?expired");
            }
            return;
        }
        if (EnrolmentRequiredFilter.enrolOnly(authentication)) {
            chain.doFilter(request, response); // the enrolment replaces this authentication once it is confirmed
            return;
        }
        Set<String> permissions = users.permissionsOf(current.username());
        Set<String> held = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        if (!permissions.equals(held)) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(SignedIn.authentication(current, permissions));
            SecurityContextHolder.setContext(context);
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
            }
        }
        chain.doFilter(request, response);
    }
}
