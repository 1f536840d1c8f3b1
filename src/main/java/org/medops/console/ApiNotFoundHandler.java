package org.medops.console;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An API path that matches no endpoint has no controller whose advice could answer: this one turns
 * it into problem details; pages keep their HTML error page.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiNotFoundHandler {

    private final MessageSource messages;

    ApiNotFoundHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NoResourceFoundException e, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith("/api/")) {
            throw e;
        }
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("problem.no-endpoint", null, "No such endpoint", LocaleContextHolder.getLocale()));
        detail.setType(URI.create("urn:medops:problem:no-endpoint"));
        detail.setInstance(URI.create(request.getRequestURI()));
        detail.setProperty("code", "no-endpoint");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
    }
}
