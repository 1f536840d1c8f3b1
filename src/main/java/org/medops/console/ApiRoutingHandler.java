package org.medops.console;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An API request that no endpoint takes (no such path, a method, content type or answer type no
 * endpoint offers) is refused before any controller is chosen, so no controller's advice could answer:
 * this one turns it into problem details; pages keep their HTML error page.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiRoutingHandler {

    /** Stable codes of Spring's own refusals; anything else is named after its status. */
    private static final Map<Integer, String> CODES = Map.of(
            404, "no-endpoint", 405, "method-not-allowed", 406, "not-acceptable", 415, "unsupported-media-type",
            413, "payload-too-large");

    private final MessageSource messages;

    ApiRoutingHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
            HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class})
    ResponseEntity<ProblemDetail> refused(Exception e, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith("/api/") || !(e instanceof ErrorResponse refusal)) {
            throw e;
        }
        ProblemDetail detail = refusal.getBody();
        complete(detail, refusal.getStatusCode(), messages);
        detail.setInstance(URI.create(request.getRequestURI()));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(refusal.getStatusCode())
                .headers(refusal.getHeaders()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        return answer.body(detail);
    }

    /** Adds the stable code and the translated message to a problem Spring made. */
    static void complete(ProblemDetail detail, HttpStatusCode status, MessageSource messages) {
        if (detail.getProperties() != null && detail.getProperties().containsKey("code")) {
            return;
        }
        String code = CODES.getOrDefault(status.value(), HttpStatus.valueOf(status.value()).name()
                .toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        detail.setType(URI.create("urn:medops:problem:" + code));
        detail.setProperty("code", code);
        String text = messages.getMessage("problem." + code, null, null, LocaleContextHolder.getLocale());
        if (text != null) {
            detail.setDetail(text);
        }
    }
}
