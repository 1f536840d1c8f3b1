package org.medops.console;

import java.net.URI;
import java.util.List;

import org.medops.shared.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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
@Order(Ordered.LOWEST_PRECEDENCE - 1) // before PageExceptionHandler
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ProblemMessages problemMessages;
    private final MessageSource messages;
    private final org.medops.shared.FieldMessages fieldMessages;

    ApiExceptionHandler(ProblemMessages problemMessages, MessageSource messages,
                        org.medops.shared.FieldMessages fieldMessages) {
        this.fieldMessages = fieldMessages;
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

    /**
     * A concurrent request won a uniqueness race (SQLSTATE class 23): a conflict, not a server error.
     * The database refusing a value itself (class 22: a NUL character, a number out of range) is the
     * caller's input, so a 400; Spring translates both to the same exception.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail conflict(DataIntegrityViolationException e) {
        String state = e.getMostSpecificCause() instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
        if (state != null && state.startsWith("22")) {
            // 22021 (byte sequence not valid in UTF-8, e.g. 0x00) and 22P05 (\u0000 in jsonb) are characters
            String code = "22021".equals(state) || "22P05".equals(state) ? "invalid-character" : "invalid-value";
            log.info("Database refused a value of an API call: {} {}", state, e.getMostSpecificCause().getMessage());
            return problem(HttpStatus.BAD_REQUEST, code, message("problem." + code));
        }
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
                        fieldMessages.text(error.getField(), messages.getMessage(error, LocaleContextHolder.getLocale()))))
                .toList();
        detail.setProperty("errors", errors);
        return handleExceptionInternal(e, detail, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InputCharacters.NulRefused nul) {
                String field = nul.getPath().stream()
                        .map(step -> step.getPropertyName() != null ? step.getPropertyName() : "[" + step.getIndex() + "]")
                        .collect(java.util.stream.Collectors.joining(".")).replace(".[", "[");
                String text = messages.getMessage("problem.invalid-character.field", new Object[] {field}, "invalid-character",
                        LocaleContextHolder.getLocale());
                ProblemDetail detail = problem(HttpStatus.BAD_REQUEST, "invalid-character", text);
                detail.setProperty("errors", List.of(new FieldError(field, text)));
                return handleExceptionInternal(e, detail, headers, HttpStatus.BAD_REQUEST, request);
            }
        }
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message("problem.malformed-body"));
        detail.setType(URI.create("urn:medops:problem:malformed-body"));
        detail.setProperty("code", "malformed-body");
        return handleExceptionInternal(e, detail, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Spring's own refusals (405, 406, 415, a missing part…) get the same stable {@code code} and a
     * translated message as ours, so no API answer differs in shape.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body == null && e instanceof org.springframework.web.ErrorResponse refusal) {
            body = refusal.getBody(); // what the superclass would use; completed here first
        }
        if (body instanceof ProblemDetail detail) {
            ApiRoutingHandler.complete(detail, statusCode, messages);
            // Preset, so the answer is written even when the Accept header refused JSON (the 406 itself)
            HttpHeaders problemHeaders = new HttpHeaders();
            problemHeaders.putAll(headers);
            problemHeaders.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
            return super.handleExceptionInternal(e, body, problemHeaders, statusCode, request);
        }
        return super.handleExceptionInternal(e, body, headers, statusCode, request);
    }

    private static ProblemDetail problem(HttpStatus status, String code, String text) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, text);
        detail.setType(URI.create("urn:medops:problem:" + code));
        detail.setProperty("code", code);
        return detail;
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    record FieldError(String field, String message) {
    }
}
