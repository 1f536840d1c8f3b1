package org.medops.console;

import java.util.Locale;
import java.util.stream.Collectors;

import org.medops.shared.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The readable message of a refused action, in the user's language; templates call it too. */
@Component("problemMessages")
public class ProblemMessages {

    private final MessageSource messages;

    ProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    public String text(ProblemException problem) {
        Locale locale = LocaleContextHolder.getLocale();
        Object[] arguments = arguments(problem, locale);
        String main = messages.getMessage(problem.messageKey(), arguments, problem.code(), locale);
        if (problem.reasons().isEmpty()) {
            return main;
        }
        return main + " " + problem.reasons().stream()
                .map(reason -> messages.getMessage("problem." + reason, arguments, reason, locale))
                .collect(Collectors.joining(" "));
    }

    /** A not-found names the kind of record by a code ({@code ticket}); the reader gets the noun ({@code 工单}). */
    private Object[] arguments(ProblemException problem, Locale locale) {
        Object[] arguments = problem.arguments();
        if ("not-found".equals(problem.code()) && arguments.length > 0 && arguments[0] instanceof String kind) {
            arguments[0] = messages.getMessage("record." + kind.replace(' ', '-'), null, kind, locale);
        }
        return arguments;
    }
}
