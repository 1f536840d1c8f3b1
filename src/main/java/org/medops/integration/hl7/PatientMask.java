package org.medops.integration.hl7;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Patient identifiers in message content, masked for lists, logs and readers without the data
 * permission: PID-3 (identifiers), PID-5 and PID-6 (names), PID-9 (alias), PID-11 (address), PID-13/14
 * (phones), PID-19 (SSN, in China the resident ID card number), PID-20 (driver's licence), NK1-2 (relative's name).
 * Each value found there is masked wherever it appears, so a transformed copy is masked as well as the raw one.
 */
public final class PatientMask {

    private static final List<String> FIELDS = List.of("PID-2", "PID-3", "PID-4", "PID-5", "PID-6", "PID-9", "PID-11",
            "PID-13", "PID-14", "PID-19", "PID-20", "NK1-2", "NK1-4", "NK1-5");

    private final List<String> secrets;

    private PatientMask(Set<String> secrets) {
        this.secrets = secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static PatientMask of(Hl7Message message) {
        Set<String> values = new LinkedHashSet<>();
        for (String field : FIELDS) {
            for (int occurrence = 1; occurrence <= 5; occurrence++) {
                String segment = field.substring(0, 3) + "[" + occurrence + "]" + field.substring(3);
                for (int repetition = 1; repetition <= 5; repetition++) {
                    for (int component = 1; component <= 6; component++) {
                        message.value(segment + "(" + repetition + ")." + component)
                                .filter(v -> v.length() > 1).ifPresent(values::add);
                    }
                }
            }
        }
        return new PatientMask(values);
    }

    /** Nothing to mask: for content that was not parsed as HL7 (it is masked entirely by the caller). */
    public static PatientMask none() {
        return new PatientMask(Set.of());
    }

    public String apply(String content) {
        if (content == null) {
            return null;
        }
        String masked = content;
        for (String secret : secrets) {
            masked = masked.replace(secret, mask(secret));
        }
        return masked;
    }

    /** Keeps the first character (and the last of long identifiers), so a reader can tell records apart. */
    static String mask(String value) {
        int length = value.codePointCount(0, value.length());
        int first = value.offsetByCodePoints(0, 1);
        if (length <= 3) {
            return value.substring(0, first) + "*".repeat(length - 1);
        }
        int last = value.offsetByCodePoints(value.length(), -1);
        return value.substring(0, first) + "*".repeat(length - 2) + value.substring(last);
    }
}
