package org.medops.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.shared.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Until an account that must use a second factor has enrolled, the only thing it may do is enrol. */
class EnrolmentRequiredFilter extends OncePerRequestFilter {

    static final String SECURITY_PAGE = "/account/security";
    private static final List<String> ALLOWED = List.of(SECURITY_PAGE, "/api/v1/account/totp",
            PasswordChangeRequiredFilter.CHANGE_PAGE, "/api/v1/account/password", "/logout", "/login",
            "/portal/logout", "/webjars/", "/css/", "/js/", "/_static/", "/favicon", "/error");

    private final ProblemResponses problems;

    EnrolmentRequiredFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    static boolean enrolOnly(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> TwoFactor.ENROL_ONLY.equals(a.getAuthority()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!enrolOnly(SecurityContextHolder.getContext().getAuthentication())
                || ALLOWED.stream().anyMatch(path::startsWith)) {
            chain.doFilter(request, response);
        } else if (path.startsWith("/api/")) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "totp-enrolment-required");
        } else {
            response.sendRedirect(request.getContextPath() + SECURITY_PAGE);
        }
    }
}
