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
        String main = messages.getMessage(problem.messageKey(), problem.arguments(), problem.code(), locale);
        if (problem.reasons().isEmpty()) {
            return main;
        }
        return main + " " + problem.reasons().stream()
                .map(reason -> messages.getMessage("problem." + reason, problem.arguments(), reason, locale))
                .collect(Collectors.joining(" "));
    }
}
