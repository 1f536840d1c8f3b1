package org.medops.publication.topics;

import java.util.Locale;

import org.medops.publication.codes.CodeTables;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A field's value in words for the pages: a choice by its label ({@code publication.value.<value>}), a code with its
 * code table's label, anything else as written; "—" for none. Used as {@code @publicationValues.shown(…)}.
 */
@Component("publicationValues")
class FieldValues {

    private final CodeTables codes;
    private final MessageSource messages;

    FieldValues(CodeTables codes, MessageSource messages) {
        this.codes = codes;
        this.messages = messages;
    }

    public String shown(Topic topic, String field, String value, Locale locale) {
        if (value == null || value.isBlank()) {
            return "—";
        }
        TopicField described = topic.field(field).orElse(null);
        if (described == null) {
            return value;
        }
        return switch (described.kind()) {
            case CHOICE -> messages.getMessage("publication.value." + value, null, value, locale);
            case CODE -> codes.find(described.codeTable(), value).map(c -> c.code() + " " + c.label(locale)).orElse(value);
            default -> value;
        };
    }
}
