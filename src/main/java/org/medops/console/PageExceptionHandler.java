package org.medops.console;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.medops.shared.ProblemException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A business rule that refused a page (a missing record, a refused step) answers its own status with the
 * console's error page and the translated message, not a 500: the refusal is expected, so it is logged
 * without a stack trace. Pages that show a refusal on their form catch it themselves.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE) // after ApiExceptionHandler: a @RestController is a @Controller too
class PageExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PageExceptionHandler.class);

    private final ProblemMessages problemMessages;

    PageExceptionHandler(ProblemMessages problemMessages) {
        this.problemMessages = problemMessages;
    }

    @ExceptionHandler(ProblemException.class)
    ModelAndView refused(ProblemException problem, HttpServletRequest request) {
        log.debug("Page {} refused: {} {}", request.getRequestURI(), problem.status().value(), problem.code());
        ModelAndView page = new ModelAndView("error", problem.status());
        page.addObject("status", problem.status().value());
        page.addObject(RequestHygieneFilter.ERROR_MESSAGE, problemMessages.text(problem));
        page.addObject("backTo", listOf(problem, request));
        return page;
    }

    /**
     * Where the missing record would have been listed: the path up to its id ({@code /opsdesk/tickets/99999/confirmation}
     * → {@code /opsdesk/tickets}); none when the id is not in the path.
     */
    private static String listOf(ProblemException problem, HttpServletRequest request) {
        Object[] arguments = problem.arguments();
        if (!"not-found".equals(problem.code()) || arguments.length < 2) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] segments = path.split("/");
        StringBuilder list = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            if (URLDecoder.decode(segments[i], StandardCharsets.UTF_8).equalsIgnoreCase(String.valueOf(arguments[1]))) {
                return i > 1 ? list.toString() : null;
            }
            list.append('/').append(segments[i]);
        }
        return null;
    }
}
