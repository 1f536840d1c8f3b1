package org.medops.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may read the metrics: a scraper presenting the configured {@code medops.metrics.token}
 * ({@code Authorization: Bearer …}, compared in constant time; API tokens expire after hours, a
 * scrape config cannot renew them), or a signed-in user or API token holding {@code gateway:node:read}.
 * The metrics name every API path and the pool sizes, so they are not public.
 */
class ScrapeAccess extends OncePerRequestFilter {

    /** The authority of the scraper; no user or role can hold it. */
    static final String SCRAPE = "metrics:scrape";
    static final String SCRAPER = "metrics-scraper";

    private final byte[] scrapeToken;
    private final BearerTokenFilter bearer;

    ScrapeAccess(String scrapeToken, BearerTokenFilter bearer) {
        this.scrapeToken = scrapeToken == null || scrapeToken.isBlank() ? null
                : scrapeToken.strip().getBytes(StandardCharsets.UTF_8);
        this.bearer = bearer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (scrapeToken != null && BearerTokenFilter.carriesToken(request)) {
            byte[] presented = request.getHeader(HttpHeaders.AUTHORIZATION).substring("Bearer ".length()).strip()
                    .getBytes(StandardCharsets.UTF_8);
            if (MessageDigest.isEqual(scrapeToken, presented)) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(SCRAPER, null,
                        List.of(new SimpleGrantedAuthority(SCRAPE))));
                SecurityContextHolder.setContext(context);
                try {
                    chain.doFilter(request, response);
                } finally {
                    SecurityContextHolder.clearContext();
                }
                return;
            }
        }
        bearer.doFilter(request, response, chain);
    }
}
