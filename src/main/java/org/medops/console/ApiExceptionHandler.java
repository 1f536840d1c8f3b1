package org.medops.console;

import java.net.URI;
import java.util.List;

import org.medops.shared.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every REST error is RFC 9457 problem details with a stable {@code code}; never a stack trace. */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ProblemMessages problemMessages;
    private final MessageSource messages;

    ApiExceptionHandler(ProblemMessages problemMessages, MessageSource messages) {
        this.problemMessages = problemMessages;
        this.messages = messages;
    }

    @ExceptionHandler(ProblemException.class)
    ProblemDetail refused(ProblemException problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(problem.status(), problemMessages.text(problem));
        detail.setType(URI.create("urn:medops:problem:" + problem.code()));
        detail.setProperty("code", problem.code());
        if (!problem.reasons().isEmpty()) {
            detail.setProperty("reasons", problem.reasons());
        }
        return detail;
    }

    /** A concurrent request won a uniqueness race: a conflict, not a server error. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail conflict(DataIntegrityViolationException e) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, message("problem.conflict"));
        detail.setProperty("code", "conflict");
        return detail;
    }

    /** The database does not answer (pool time-out, connection refused): the caller may retry soon. */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.dao.TransientDataAccessResourceException.class,
            org.springframework.dao.RecoverableDataAccessException.class,
            org.springframework.transaction.CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("API call answered 503, database unavailable: {}", e.getMessage());
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                message("problem." + DatabaseUnavailableFilter.CODE));
        detail.setType(URI.create("urn:medops:problem:" + DatabaseUnavailableFilter.CODE));
        detail.setProperty("code", DatabaseUnavailableFilter.CODE);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").body(detail);
    }

    /** Anything unforeseen: logged with its stack trace here, answered without one. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // the security filters answer these with 401/403 and audit them
        }
        log.error("Unexpected error answering an API call", e);
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                message("problem.internal"));
        detail.setProperty("code", "internal");
        return detail;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message("problem.validation"));
        detail.setType(URI.create("urn:medops:problem:validation"));
        detail.setProperty("code", "validation");
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(),
                        messages.getMessage(error, LocaleContextHolder.getLocale())))
                .toList();
        detail.setProperty("errors", errors);
        return handleExceptionInternal(e, detail, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message("problem.malformed-body"));
        detail.setType(URI.create("urn:medops:problem:malformed-body"));
        detail.setProperty("code", "malformed-body");
        return handleExceptionInternal(e, detail, headers, HttpStatus.BAD_REQUEST, request);
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    record FieldError(String field, String message) {
    }
}
