package org.medops.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A console form's typed fields read from their text: blank is absent (null, for the validation to name), text that
 * is no day or number a readable problem under the feature's own code, with the text as its argument.
 */
public final class FormValues {

    private FormValues() {
    }

    /** An ISO day ({@code 2026-12-04}). */
    public static LocalDate day(String text, String problemCode) {
        String value = FilterText.orNull(text);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(problemCode, text);
        }
    }

    /** A decimal amount; thousands separators ({@code 1,200.50}) are allowed. */
    public static BigDecimal amount(String text, String problemCode) {
        String value = FilterText.orNull(text);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(",", ""));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(problemCode, text);
        }
    }
}
