package org.medops.console;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.shared.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Refuses, before security and before any controller, what no endpoint may receive: a NUL character in
 * a request parameter (PostgreSQL cannot store one, so it would surface as a database error) and a
 * direct request for the error page (which has no error to show). JSON bodies get the same rule from
 * {@link InputCharacters}.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE + 20) // after the character-encoding filter, so parameters decode as UTF-8
class RequestHygieneFilter extends OncePerRequestFilter {

    /** Request attribute naming the message the error page shows for a refusal made here. */
    static final String ERROR_MESSAGE = "medopsErrorMessage";

    private final ProblemResponses problems;
    private final MessageSource messages;
    private final LocaleResolver locales;

    RequestHygieneFilter(ProblemResponses problems, MessageSource messages, LocaleResolver locales) {
        this.problems = problems;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.REQUEST && "/error".equals(request.getRequestURI())) {
            refuse(request, response, HttpStatus.NOT_FOUND, "no-endpoint", null);
            return;
        }
        String parameter = parameterWithNul(request);
        if (parameter != null) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "invalid-character", parameter);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Multipart parameters are left to the multipart resolver (parsing them here would move its size
     * limits out of its hands); their query string is still checked.
     */
    private static String parameterWithNul(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            String query = request.getQueryString();
            return query != null && query.toLowerCase(Locale.ROOT).contains("%00") ? "query" : null;
        }
        for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
            if (entry.getKey().indexOf('\0') >= 0) {
                return entry.getKey().replace('\0', '?');
            }
            for (String value : entry.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    return entry.getKey();
                }
            }
        }
        return null;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                        String field) throws IOException {
        Locale locale = locales.resolveLocale(request);
        String text = messages.getMessage("problem." + code + (field == null ? "" : ".field"), new Object[] {field}, code,
                locale);
        if (!wantsJson(request)) {
            // The console's error page renders the message; the status stays the refusal's.
            request.setAttribute(ERROR_MESSAGE, text);
            response.sendError(status.value());
            return;
        }
        problems.write(request, response, status, code, text,
                field == null ? List.of() : List.of(new ProblemResponses.FieldError(field, text)));
    }

    /** API calls and scripts get problem details; browsers the console's error page. */
    private static boolean wantsJson(HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/")) {
            return true;
        }
        String accept = request.getHeader("Accept");
        return accept != null && !accept.contains("text/html") && accept.contains("json");
    }
}
