package org.medops.console;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string read from JSON refuses the NUL character ({@code \u0000}): PostgreSQL cannot store it in
 * text, so letting it through turns a typing accident into a database error. The refusal is a 400
 * {@code invalid-character} naming the field ({@link ApiExceptionHandler}).
 */
final class InputCharacters {

    private InputCharacters() {
    }

    static SimpleModule module() {
        return new SimpleModule("medops-input-characters").addDeserializer(String.class, new NulRefusing());
    }

    /** The one place a NUL in a JSON string is refused; the message names no value, only the field. */
    static final class NulRefused extends MismatchedInputException {
        NulRefused(JsonParser parser) {
            super(parser, "NUL character in a string", String.class);
        }
    }

    private static final class NulRefusing extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw new NulRefused(parser);
            }
            return value;
        }
    }
}
