package org.medops.identity;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.shared.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that carry {@code Authorization: Bearer <token>}. The account is read
 * fresh on every call, so a disabled or locked account stops working at once.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final ApiTokens tokens;
    private final Users users;
    private final ProblemResponses problems;
    private final java.time.Clock clock;
    private final ApiKeys keys;

    BearerTokenFilter(ApiTokens tokens, ApiKeys keys, Users users, ProblemResponses problems, java.time.Clock clock) {
        this.keys = keys;
        this.tokens = tokens;
        this.users = users;
        this.problems = problems;
        this.clock = clock;
    }

    static boolean carriesToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring(PREFIX.length()).trim();
        Optional<Authentication> authentication = ApiKeys.looksLikeKey(token) ? byKey(token) : byToken(token);
        if (authentication.isEmpty()) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "token-invalid");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication.get());
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** A person's sign-in token: the account's permissions, or only the enrolment while a second factor is due. */
    private Optional<Authentication> byToken(String token) {
        return tokens.holder(token).flatMap(holder -> users.findByUsername(holder.username())
                .filter(u -> u.enabled() && !u.isLocked(clock.instant()) && !u.serviceAccount())
                .map(u -> SignedIn.authentication(u, holder.enrolOnly()
                        ? java.util.Set.of(TwoFactor.ENROL_ONLY) : users.permissionsOf(u.username()))));
    }

    /** A service account's API key: exactly the key's scopes, never more. */
    private Optional<Authentication> byKey(String token) {
        return keys.live(token).flatMap(key -> users.findByUsername(key.account())
                .filter(u -> u.enabled() && u.serviceAccount())
                .map(u -> SignedIn.authentication(u, key.scopes())));
    }
}
