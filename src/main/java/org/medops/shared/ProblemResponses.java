package org.medops.shared;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem details where no controller advice runs: the security filters and handlers, the
 * request-hygiene and database-unavailable filters. The same body as the API's advice: type
 * {@code urn:medops:problem:<code>}, title, detail from {@code problem.<code>} in the reader's language, instance,
 * {@code code}, and {@code errors} when a field is to blame.
 */
@Component
@ConditionalOnWebApplication
public class ProblemResponses {

    /** A field the problem is about, as the API's validation errors name it. */
    public record FieldError(String field, String message) {
    }

    private final JsonMapper json;
    private final MessageSource messages;
    private final LocaleResolver locales;

    ProblemResponses(JsonMapper json, MessageSource messages, LocaleResolver locales) {
        this.json = json;
        this.messages = messages;
        this.locales = locales;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
            throws IOException {
        String detail = messages.getMessage("problem." + code, null, code, locales.resolveLocale(request));
        write(request, response, status, code, detail, List.of());
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                      String detail, List<FieldError> errors) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:medops:problem:" + code));
        problem.setTitle(status.getReasonPhrase());
        // NUL never reaches a URI (the hygiene filter refuses requests carrying it, and answers them here).
        problem.setInstance(URI.create(request.getRequestURI().replace("\0", "")));
        problem.setProperty("code", code);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
