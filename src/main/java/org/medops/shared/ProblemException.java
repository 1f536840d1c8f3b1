package org.medops.shared;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A business rule said no. Rendered as RFC 9457 problem details by the API and as a readable
 * message by the console; {@code code} is stable, {@code messageKey} is translated.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Object[] arguments;
    private final List<String> reasons;

    public ProblemException(HttpStatus status, String code, Object... arguments) {
        this(status, code, List.of(), arguments);
    }

    /** @param reasons further stable codes, each translated as {@code problem.<reason>} */
    public ProblemException(HttpStatus status, String code, List<String> reasons, Object... arguments) {
        super(code);
        this.status = status;
        this.code = code;
        this.reasons = List.copyOf(reasons);
        this.arguments = arguments;
    }

    /**
     * @param what the kind of record, a code translated as {@code record.<what>} ({@code ticket} → 工单)
     * @param id   printed as given: an identifier, never formatted as a quantity (99999, not 99,999)
     */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", what, String.valueOf(id));
    }

    public static ProblemException conflict(String code, Object... arguments) {
        return new ProblemException(HttpStatus.CONFLICT, code, arguments);
    }

    public static ProblemException invalid(String code, Object... arguments) {
        return new ProblemException(HttpStatus.BAD_REQUEST, code, arguments);
    }

    public HttpStatus status() {
        return status;
    }

    /** Stable machine code, e.g. {@code password-too-short}. */
    public String code() {
        return code;
    }

    /** Key of the human message in the bundles: {@code problem.<code>}. */
    public String messageKey() {
        return "problem." + code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public List<String> reasons() {
        return reasons;
    }
}
