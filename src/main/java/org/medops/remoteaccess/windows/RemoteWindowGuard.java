package org.medops.remoteaccess.windows;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.identity.RemoteVendors;
import org.medops.shared.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outside an approved window a remote vendor account only reads: every other API call and every console form is
 * refused (403 {@code remote-window-closed}, or the remote-access page with a message) and audited. Runs after the
 * security filters, so the caller is known; asking for a window, signing in and out and one's own account stay open.
 */
@Component
@ConditionalOnWebApplication
class RemoteWindowGuard extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final List<String> ALWAYS_OPEN = List.of("/api/v1/remote-access/", "/remote-access", "/login",
            "/logout", "/portal/logout", "/api/v1/auth/token", "/account/", "/api/v1/account/", "/error");

    private final RemoteVendors vendors;
    private final RemoteAccess access;
    private final ProblemResponses problems;
    private final ApplicationEventPublisher events;

    RemoteWindowGuard(RemoteVendors vendors, RemoteAccess access, ProblemResponses problems,
                      ApplicationEventPublisher events) {
        this.vendors = vendors;
        this.access = access;
        this.problems = problems;
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (READS.contains(request.getMethod()) || ALWAYS_OPEN.stream().anyMatch(path::startsWith) || caller == null
                || caller instanceof AnonymousAuthenticationToken || !caller.isAuthenticated()
                || !vendors.isRemoteVendor(caller.getName()) || access.openFor(caller.getName())) {
            chain.doFilter(request, response);
            return;
        }
        events.publishEvent(RemoteAudit.refused(caller.getName(), request.getMethod(), path));
        if (path.startsWith("/api/")) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "remote-window-closed");
        } else {
            response.sendRedirect(request.getContextPath() + "/remote-access?closed");
        }
    }
}
