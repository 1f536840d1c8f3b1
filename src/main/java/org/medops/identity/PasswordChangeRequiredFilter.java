package org.medops.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.shared.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/** Until a temporary password is replaced, the only thing its holder may do is replace it. */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

    static final String CHANGE_PAGE = "/account/password";
    private static final List<String> ALLOWED = List.of(CHANGE_PAGE, "/api/v1/account/password", "/logout",
            "/login", "/portal/login", "/portal/logout", "/webjars/", "/css/", "/js/", "/favicon", "/error");

    private final ProblemResponses problems;

    PasswordChangeRequiredFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!SignedIn.mustChangePassword() || ALLOWED.stream().anyMatch(path::startsWith)) {
            chain.doFilter(request, response);
        } else if (path.startsWith("/api/")) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "password-change-required");
        } else {
            response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
        }
    }
}
