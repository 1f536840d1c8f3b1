package org.medops.identity;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

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

/** Writes RFC 9457 problem details from the security filters, where no controller advice runs. */
@Component
@ConditionalOnWebApplication
class ProblemResponses {

    private final JsonMapper json;
    private final MessageSource messages;
    private final LocaleResolver locales;

    ProblemResponses(JsonMapper json, MessageSource messages, LocaleResolver locales) {
        this.json = json;
        this.messages = messages;
        this.locales = locales;
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
            throws IOException {
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage("problem." + code, null, code, locale));
        problem.setType(URI.create("urn:medops:problem:" + code));
        problem.setTitle(status.getReasonPhrase());
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
