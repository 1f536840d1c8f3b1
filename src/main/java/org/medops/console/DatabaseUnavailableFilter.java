package org.medops.console;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.database.DatabaseStatus;
import org.medops.shared.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * While the database is known to be down, console pages and API calls (sign-in included) answer
 * 503 "database unavailable" at once, before security looks up a session or token in it, instead
 * of each request waiting for a connection. Health and static assets pass: they need no database.
 */
@Component
@ConditionalOnWebApplication
@Order(-200) // before Spring Security's filter chain (-100)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    static final String CODE = "database-unavailable";
    private static final String[] OPEN = {"/actuator/", "/webjars/", "/_static/", "/css/", "/js/", "/favicon.ico",
            "/error"};

    private final DatabaseStatus status;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ProblemResponses problems;

    DatabaseUnavailableFilter(DatabaseStatus status, MessageSource messages, LocaleResolver locales,
                              ProblemResponses problems) {
        this.status = status;
        this.messages = messages;
        this.locales = locales;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String open : OPEN) {
            if (path.startsWith(open)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (status.available()) {
            chain.doFilter(request, response);
            return;
        }
        String text = messages.getMessage("problem." + CODE, null, CODE, locales.resolveLocale(request));
        response.setHeader("Retry-After", "5");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, CODE, text, List.of());
        } else {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setCharacterEncoding("UTF-8");
            String escaped = HtmlUtils.htmlEscape(text);
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                    + "<meta http-equiv=\"refresh\" content=\"5\"><title>MedOps</title></head><body>"
                    + "<main style=\"font-family:sans-serif;max-width:40em;margin:4em auto\"><h1>MedOps</h1><p>"
                    + escaped + "</p></main></body></html>");
        }
    }
}
