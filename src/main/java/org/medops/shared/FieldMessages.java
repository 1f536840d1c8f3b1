package org.medops.shared;

import java.util.Collection;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * Validation messages that name the field by its label ({@code 标题：不能为空}, never {@code title：…}): one
 * mechanism for console forms and the API's problem details. Labels are the {@code field.<name>} keys, the same
 * ones the audit page uses; a nested path ({@code breaker.openSeconds}) is named by its last step.
 */
@Component
public class FieldMessages {

    private final MessageSource messages;

    FieldMessages(MessageSource messages) {
        this.messages = messages;
    }

    public String label(String path) {
        var locale = LocaleContextHolder.getLocale();
        String exact = messages.getMessage("field." + path, null, null, locale);
        if (exact != null) {
            return exact;
        }
        String leaf = path.replaceAll("\\[\\d+]", "");
        leaf = leaf.substring(leaf.lastIndexOf('.') + 1);
        return messages.getMessage("field." + leaf, null, leaf, locale);
    }

    /** "label：message" in the reader's language. */
    public String text(String path, String message) {
        return messages.getMessage("validation.field", new Object[] {label(path), message}, label(path) + ": " + message,
                LocaleContextHolder.getLocale());
    }

    public List<String> of(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(v -> text(v.getPropertyPath().toString(), v.getMessage())).sorted().toList();
    }

    /** A form bound with {@code @Valid}: its field errors (a constraint, or a value of the wrong type) by label. */
    public List<String> of(Errors errors) {
        var locale = LocaleContextHolder.getLocale();
        return errors.getFieldErrors().stream()
                .map(error -> text(error.getField(), messages.getMessage(error, locale))).sorted().toList();
    }
}
